/**
 * Finds the Chromium the browser specs drive, once, before the workers start (they inherit the
 * environment): SOOC_CHROMIUM when set (Debian's chromium, say), otherwise the one inside the
 * @sparticuz/chromium npm package, unpacked to the temporary directory. That package is ESM and
 * reads import.meta, which jest's CommonJS module system cannot load; this file runs in plain
 * Node, whose require() loads ESM (Node >= 20.19).
 */
module.exports = async function resolveChromium() {
  if (process.env.SOOC_CHROMIUM) {
    process.env.SOOC_CHROMIUM_EXECUTABLE = process.env.SOOC_CHROMIUM;
    process.env.SOOC_CHROMIUM_ARGS = JSON.stringify(['--no-sandbox']);
    return;
  }
  const packaged = require('@sparticuz/chromium');
  const chromium = packaged.default ?? packaged;
  process.env.SOOC_CHROMIUM_EXECUTABLE = await chromium.executablePath();
  process.env.SOOC_CHROMIUM_ARGS = JSON.stringify(chromium.args);
};
