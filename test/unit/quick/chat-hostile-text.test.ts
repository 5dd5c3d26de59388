// Hostile chat messages in the chat demo's Label, against real Qt 6.4.2
// (test/fixtures/qt/text/text_chat_hostile.*): the Label is a Text with the
// default AutoText format, so markup Qt's StyledText knows (<b>, <font>,
// <h1>, <a>) formats the text, tags it does not know (<script>, <style>) are
// dropped and their content shown as text, and <img> reserves the image's
// size. Control characters, right-to-left text, emoji, lone surrogates and
// combining marks lay out as Qt lays them out.
import { expect, it, describe as suite } from 'vitest';
import { compareNode, describe, loadScene, pairNodes, qtDump, qtLog } from './qt-dump';

/** Messages the engine shows differently from Qt, with the reason. */
const KNOWN: Record<string, string> = {
  img: 'Qt tries to load the image (here it fails) and reserves a box for it; the engine never loads an image named in a text and shows nothing in its place',
  img_quoted: 'as img: Qt reserves the 300x40 box of width/height, the engine shows nothing',
  control: 'Qt draws control characters as hex boxes and a tab as a tab stop; the engine gives them no width',
  arabic: 'Arabic joining forms are not shaped (DejaVu Sans has them)',
  emoji: 'Qt draws emoji with a fallback font; the engine only has DejaVu Sans',
  lone_surrogates: "Qt draws a replacement glyph for a lone surrogate (and its dump wrote the text with '?')",
};

suite('text_chat_hostile matches Qt 6.4.2', async () => {
  const run = await loadScene('text_chat_hostile.qml');
  const qt = qtDump('text_chat_hostile');
  const ours = describe(run.root);
  for (const [label, q, o] of pairNodes(qt.root, ours)) {
    const reason = KNOWN[q.objectName];
    it.skipIf(reason !== undefined)(reason ? `${label} (known difference: ${reason})` : label, () => {
      expect(o, 'node missing').toBeDefined();
      expect(compareNode(q, o!)).toEqual([]);
    });
  }
  it('prints nothing (Qt prints its failures to load the images)', () => {
    expect(qtLog('text_chat_hostile')).toHaveLength(2);
    expect(run.output).toEqual([]);
  });
});

suite('text_chat_huge matches Qt 6.4.2', () => {
  it('1 MiB messages (one word, words, styled): the sizes Qt printed', { timeout: 60_000 }, async () => {
    const run = await loadScene('text_chat_huge.qml', 0);
    expect(run.output).toEqual(qtLog('text_chat_huge'));
  });
});
