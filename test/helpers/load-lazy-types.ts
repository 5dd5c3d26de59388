// The Node tools load the types a page loads on first use before they run
// a scene (src/cli/qml.ts); the Node tests do the same.
import { loadLazyQtQuickTypes, loadQtQuickLayouts, loadQtQuickShapes } from '../../src/quick';
import { loadWebSocketServer } from '../../src/websockets';

await Promise.all([loadLazyQtQuickTypes(), loadQtQuickLayouts(), loadQtQuickShapes(), loadWebSocketServer()]);
