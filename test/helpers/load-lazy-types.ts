// The Node tools load QtQuick's on-demand types before they run a scene
// (src/cli/qml.ts); the Node tests do the same.
import { loadLazyQtQuickTypes } from '../../src/quick';

await loadLazyQtQuickTypes();
