/**
 * Text for the tables pdf-lib draws (pdf-table.ts): Noto Sans SC, the same bundled font Chromium prints with,
 * embedded through pdf-lib + @pdf-lib/fontkit as a subset of the glyphs used. The font ships as ~100
 * unicode-range subset files per weight (fonts.ts), so a string is split into runs, one per subset file,
 * each a font of its own in the PDF.
 *
 * Own code, kept small, for two costs the libraries have per call: fontkit's layout() (shaping) takes ~0.26 ms
 * a string here, 1.2 million table cells would spend minutes in it; and pdf-lib's drawText keeps ~10 operator
 * objects per call in memory until the file is saved. Table text needs no shaping (no ligatures or kerning in
 * Chinese, digits and dates), so each code point's glyph, subset glyph id and advance width are looked up once
 * and cached, and pdf-table.ts writes the content stream's text operators itself. And the subset files are
 * unpacked from WOFF to plain TrueType here (woffToSfnt): fontkit's own WOFF reader loses the cmap of some of
 * them (subset 101: its characters came out blank), and its .woff2 glyphs come out blank when subset.
 */
import { inflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { subsetBytes, subsetFileFor } from './fonts';

interface FkGlyph {
  id: number;
  advanceWidth: number;
}
interface FkFont {
  unitsPerEm: number;
  glyphForCodePoint(cp: number): FkGlyph;
  layout: (text: string) => { glyphs: FkGlyph[]; positions: unknown[] };
}

/** One embedded subset file at one weight: its resource name on every page and its PDF font. */
export interface EmbeddedFont {
  name: string;
  font: PDFFont;
}

interface GlyphInfo {
  font: EmbeddedFont;
  /** The glyph id in the embedded subset, as 4 hex digits. */
  hex: string;
  /** Advance width, in 1/1000 of the font size. */
  width: number;
}

/** A run of text in one embedded font. */
export interface TextRun {
  font: EmbeddedFont;
  hex: string;
}

/** Glyphs of the bundled font embedded into one PDF document, looked up per code point. */
export class PdfGlyphs {
  readonly fonts: EmbeddedFont[] = [];
  private readonly byFile = new Map<string, Promise<EmbeddedFont>>();
  private readonly glyphs = [new Map<number, GlyphInfo>(), new Map<number, GlyphInfo>()];
  private readonly fk = new Map<PDFFont, FkFont>();
  /** Code points below U+10000 already prepared, regular and bold (a bitmap: texts of millions of characters). */
  private readonly seen = [new Uint8Array(0x10000), new Uint8Array(0x10000)];

  constructor(private readonly doc: PDFDocument) {
    doc.registerFontkit({
      create: (bytes: Uint8Array) => {
        const f = fontkit.create(bytes) as unknown as FkFont;
        // pdf-lib encodes single code points only (see above): no shaping needed.
        f.layout = (text: string) => ({
          glyphs: Array.from(text, (ch) => f.glyphForCodePoint(ch.codePointAt(0)!)),
          positions: [],
        });
        return f as never;
      },
    });
  }

  /** Embeds the subsets (regular and bold) that hold the characters of `text`. */
  async prepare(text: string, bold: boolean): Promise<void> {
    const w = bold ? 700 : 400;
    const cache = this.glyphs[bold ? 1 : 0]!;
    const seen = this.seen[bold ? 1 : 0]!;
    const todo = new Set<number>();
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (seen[c]) continue;
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      else seen[c] = 1;
      if (!cache.has(cp)) todo.add(cp);
    }
    for (const cp of todo) {
      const ch = String.fromCodePoint(cp);
      const file = subsetFileFor(w, cp) ?? subsetFileFor(w, 0x3f)!; // no glyph anywhere: the “?” subset's .notdef
      const font = await this.embed(file);
      const fk = this.fk.get(font.font)!;
      const g = fk.glyphForCodePoint(cp);
      cache.set(cp, {
        font,
        hex: font.font.encodeText(ch).toString().slice(1, -1),
        width: (g.advanceWidth * 1000) / fk.unitsPerEm,
      });
    }
  }

  private embed(file: string): Promise<EmbeddedFont> {
    let e = this.byFile.get(file);
    if (!e) {
      e = (async () => {
        const font = await this.doc.embedFont(woffToSfnt(subsetBytes(file)), { subset: true });
        // The fontkit font behind it, for the advance widths (pdf-lib keeps it as `embedder.font`).
        this.fk.set(font, (font as unknown as { embedder: { font: FkFont } }).embedder.font);
        const ef = { name: `FdT${this.fonts.length}`, font };
        this.fonts.push(ef);
        return ef;
      })();
      this.byFile.set(file, e);
    }
    return e;
  }

  private info(cp: number, bold: boolean): GlyphInfo {
    const g = this.glyphs[bold ? 1 : 0]!.get(cp);
    if (!g) throw new Error(`glyph U+${cp.toString(16)} not prepared`);
    return g;
  }

  /** Width of a text in points at a size (text prepared first). */
  width(text: string, size: number, bold: boolean): number {
    let w = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      w += this.info(cp, bold).width;
    }
    return (w * size) / 1000;
  }

  /** Advance width of one code point, in 1/1000 of the size. */
  advance(cp: number, bold: boolean): number {
    return this.info(cp, bold).width;
  }

  /** The text as runs of one font each. */
  runs(text: string, bold: boolean): TextRun[] {
    const out: TextRun[] = [];
    let cur: TextRun | null = null;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const g = this.info(cp, bold);
      if (cur && cur.font === g.font) cur.hex += g.hex;
      else {
        cur = { font: g.font, hex: g.hex };
        out.push(cur);
      }
    }
    return out;
  }
}

/** A WOFF 1.0 file as the TrueType (sfnt) file it packs: each table inflated (zlib) when it was compressed. */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const b = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (b.readUInt32BE(0) !== 0x774f4646) return woff; // not 'wOFF'
  const n = b.readUInt16BE(12);
  const tables = Array.from({ length: n }, (_, i) => {
    const o = 44 + i * 20;
    const [tag, off, comp, orig, sum] = [0, 4, 8, 12, 16].map((k) => b.readUInt32BE(o + k)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const raw = b.subarray(off, off + comp);
    return { tag, sum, orig, data: comp < orig ? inflateSync(raw) : raw };
  });
  const pad4 = (x: number) => (x + 3) & ~3;
  const out = Buffer.alloc(12 + 16 * n + tables.reduce((s, t) => s + pad4(t.orig), 0));
  out.writeUInt32BE(b.readUInt32BE(4), 0); // the flavor: TrueType or CFF
  out.writeUInt16BE(n, 4);
  const pow = 2 ** Math.floor(Math.log2(n));
  out.writeUInt16BE(pow * 16, 6);
  out.writeUInt16BE(Math.log2(pow), 8);
  out.writeUInt16BE(n * 16 - pow * 16, 10);
  let at = 12 + 16 * n;
  tables.forEach((t, i) => {
    const r = 12 + 16 * i;
    out.writeUInt32BE(t.tag, r);
    out.writeUInt32BE(t.sum, r + 4);
    out.writeUInt32BE(at, r + 8);
    out.writeUInt32BE(t.orig, r + 12);
    t.data.copy(out, at);
    at += pad4(t.orig);
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
