// pretest: the browser tests drive Debian's Chromium (no downloaded browser builds); install it when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Fonts: Noto CJK for Chinese names (else boxes in screenshots); DejaVu and Liberation for pages and the preview cards.
const PACKAGES = ['chromium', 'fonts-noto-cjk', 'fonts-dejavu-core', 'fonts-liberation'];
const NEEDED = [CHROMIUM, '/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation'];

if (NEEDED.some((path) => !existsSync(path))) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing: install it with  sudo apt-get install -y ${PACKAGES.join(' ')}  (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  console.log(`Installing ${PACKAGES.join(', ')} from Debian ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], { stdio: 'inherit', env });
}
