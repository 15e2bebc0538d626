"""Signing the rendered report (PAdES) and verifying signed reports, with pyHanko. No Qt here.

- :mod:`.errors` the one error kind these commands raise, and :mod:`.inputs` the files they read;
- :mod:`.secret` the PIN or password: asked for, or read from standard input or a file;
- :mod:`.keys` the signer: a PKCS#12 file or a PKCS#11 token (a USB token);
- :mod:`.place` where the signature goes: the signer's block the renderer marked;
- :mod:`.signing` the signature itself, written beside the unsigned PDF;
- :mod:`.verify` what each signature of a PDF says.
"""

import logging

# pyHanko logs every untrusted chain with a traceback; the commands say it in one sentence instead.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
