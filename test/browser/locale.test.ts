// Locales in the page: Qt.locale() and the locale methods of numbers and
// dates, with named locales' data from the browser's Intl (the C locale and
// the values recorded from Qt are checked in Node: test/fixtures/qt/lang).
import { expect, test } from 'vitest';
import { runScene } from './scene-renderer';

test('the C locale and a named one format numbers and dates in the page as Qt does', async () => {
  const lines: string[] = [];
  await runScene(
    `import QtQuick
Item {
    Component.onCompleted: {
        var d = new Date(2020, 0, 2, 3, 4, 5)
        var de = Qt.locale("de_DE")
        print(Qt.locale().name, (1234.5).toLocaleString(), (1234.5).toLocaleString(Qt.locale(), 'e', 2), d.toLocaleDateString())
        print(de.name, de.decimalPoint, de.groupSeparator, de.dateFormat(Locale.ShortFormat), de.monthName(2), de.dayName(4, Locale.ShortFormat))
        print(Number(1234567.891).toLocaleString(de), d.toLocaleString(de), d.toLocaleString(de, Locale.ShortFormat))
        print(Number.fromLocaleString(de, "1.234,5"), Date.fromLocaleString(de, "02.01.20 03:04", Locale.ShortFormat).getFullYear())
        print(Qt.locale("ar_EG").zeroDigit, (12).toLocaleString(Qt.locale("ar_EG"), 'f', 0))
    }
}
`,
    { sink: { warn: (m) => lines.push(m), log: (_level, m) => lines.push(m) } },
  );
  // (the page's time zone, as Qt names it: `UTC`, `CET`)
  const zone = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
    .formatToParts(new Date(2020, 0, 2, 3, 4, 5))
    .find((p) => p.type === 'timeZoneName')!.value;
  expect(lines).toEqual([
    'qml: C 1,234.5 1.23e+03 Thursday, 2 January 2020',
    'qml: de_DE , . dd.MM.yy März Do.',
    `qml: 1.234.567,89 Donnerstag, 2. Januar 2020 03:04:05 ${zone} 02.01.20 03:04`,
    'qml: 1234.5 1920',
    'qml: ٠ ١٢',
  ]);
});
