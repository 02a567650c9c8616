// pretest: the browser tests drive Debian's Chromium (no downloaded browser builds); install it when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Noto CJK: entity pages show Chinese names; without the font they render as boxes in screenshots.
const PACKAGES = ['chromium', 'fonts-noto-cjk'];

if (!existsSync(CHROMIUM) || !existsSync('/usr/share/fonts/opentype/noto')) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing: install it with  sudo apt-get install -y ${PACKAGES.join(' ')}  (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  console.log(`Installing ${PACKAGES.join(', ')} from Debian ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], { stdio: 'inherit', env });
}
