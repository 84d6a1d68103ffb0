// `npm run icons`: every app icon from the one SVG in the repo (build/icon.svg), into build/ where
// electron-builder looks (git-ignored, made again by `npm run dist`):
//   build/icon.png (1024 px), build/icons/<N>x<N>.png (Linux), build/icon.ico (Windows), build/icon.icns (macOS).
// Libraries, not own code: @resvg/resvg-js renders the SVG (prebuilt binaries from npm, no system library),
// png2icons packs the PNG into ICO and ICNS (pure JavaScript, so it works on every build machine).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** Renders `svgFile` into `outDir`; returns the files written. */
export function makeIcons(svgFile, outDir) {
  const svg = readFileSync(svgFile);
  const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  mkdirSync(join(outDir, 'icons'), { recursive: true });
  const written = [];
  const write = (file, data) => {
    if (!data) throw new Error(`无法生成图标：${file}`);
    writeFileSync(join(outDir, file), data);
    written.push(join(outDir, file));
  };
  const big = render(1024);
  write('icon.png', big);
  for (const s of LINUX_SIZES) write(join('icons', `${s}x${s}.png`), s === 1024 ? big : render(s));
  // BICUBIC2: png2icons' sharpest scaler; ICO entries as PNG (Windows Vista and later).
  write('icon.ico', png2icons.createICO(big, png2icons.BICUBIC2, 0, true, true));
  write('icon.icns', png2icons.createICNS(big, png2icons.BICUBIC2, 0));
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(import.meta.dirname, '..');
  const files = makeIcons(join(root, 'build', 'icon.svg'), join(root, 'build'));
  console.log(`已生成 ${files.length} 个图标文件 → build/`);
}
