import { generateKeyPair } from './keys.js';
import ssh2 from 'ssh2';
let bad = 0, zero = 0;
for (let i = 0; i < 3000; i++) {
  const k = generateKeyPair(`h${i}`);
  const p = ssh2.utils.parseKey(k.privateKey); const q = ssh2.utils.parseKey(k.publicKey);
  if (p instanceof Error || q instanceof Error) bad++;
  if (Buffer.from(k.publicKey.split(' ')[1]!, 'base64')[19] === 0) zero++;
}
console.log({ bad, zero });
