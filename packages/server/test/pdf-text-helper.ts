/** A PDF's text, read back by pdf-parse in a child process (test/pdf-text.mjs: pdf.js's dynamic import fails inside jest). */
import { execFile } from 'node:child_process';
import path from 'node:path';

export function pdfText(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [path.join(__dirname, 'pdf-text.mjs')],
      { maxBuffer: 10 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`pdf-text.mjs failed: ${stderr || err.message}`));
        else resolve(stdout);
      },
    );
    child.stdin!.end(bytes);
  });
}
