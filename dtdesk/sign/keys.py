"""The signer's key: a PKCS#12 file (.p12/.pfx) or a PKCS#11 token, the USB token Vietnamese CAs issue.

Both give a pyHanko ``Signer``. A token normally holds one key with its
certificate; it is found by itself (key and certificate share a PKCS#11 ID),
so the clerk names only the token's driver library and, when several tokens
are plugged in, the slot or the token's label.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dtdesk.core.i18n import Phrase
from dtdesk.sign.errors import SignError
from dtdesk.sign.inputs import read_limited

_MAX_P12 = 1 << 20  # bytes: a certificate file is a few kilobytes


def load_p12(path: str | Path, password: str):
    """A signer from a PKCS#12 file; a wrong password and a file that is not PKCS#12 read alike to the library."""
    from pyhanko.sign.signers import SimpleSigner

    path = Path(path)
    data = read_limited(path, _MAX_P12, "p12", Phrase("tệp chứng thư số (.p12)"))
    try:
        return SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=password.encode() or None)
    except (ValueError, TypeError):
        raise SignError("p12", "Không mở được tệp chứng thư «{name}»: sai mật khẩu hoặc không phải tệp "
                               "PKCS#12 (.p12, .pfx).", name=path.name, path=str(path)) from None


def _token(library: str, slot: int | None, label: str | None):
    """The token chosen by slot (its ID, or its place in the list from 0) or label, or the only one present."""
    import pkcs11

    try:
        lib = pkcs11.lib(library)
    except Exception:  # the binding raises RuntimeError or OSError depending on the loader's complaint
        raise SignError("token", "Không nạp được thư viện của thiết bị ký số «{library}».", library=library) from None
    slots = lib.get_slots(token_present=True)
    if slot is not None:
        by_id = [s for s in slots if s.slot_id == slot]
        every = lib.get_slots()
        chosen = by_id or ([every[slot]] if 0 <= slot < len(every) else [])
        if not chosen:
            raise SignError("token", "Không có thiết bị ký số ở khe {slot}.", slot=slot)
        slots = chosen
    tokens = []
    for s in slots:
        try:
            token = s.get_token()
        except pkcs11.exceptions.PKCS11Error:
            continue
        if not token.flags & pkcs11.TokenFlag.TOKEN_INITIALIZED:  # an empty slot some drivers offer
            continue
        if label is None or token.label == label:
            tokens.append(token)
    if not tokens:
        if label is not None:
            raise SignError("token", "Không tìm thấy thiết bị ký số có nhãn «{label}»; hãy cắm thiết bị vào máy.",
                            label=label)
        raise SignError("token", "Không tìm thấy thiết bị ký số; hãy cắm thiết bị vào máy.")
    if len(tokens) > 1:
        names = ", ".join(f"«{t.label}»" for t in tokens)
        raise SignError("token", "Có nhiều thiết bị ký số ({names}); hãy chọn một bằng --slot hoặc --label.",
                        names=names)
    return tokens[0]


def _signing_pair(session) -> dict:
    """The ID of the one private key that has its certificate on the token."""
    from pkcs11 import Attribute, ObjectClass

    def ids(kind):
        return {obj[Attribute.ID] for obj in session.get_objects({Attribute.CLASS: kind})}

    pairs = sorted(ids(ObjectClass.PRIVATE_KEY) & ids(ObjectClass.CERTIFICATE))
    if not pairs:
        raise SignError("token", "Thiết bị ký số không có khóa nào kèm chứng thư số.")
    if len(pairs) > 1:
        raise SignError("token", "Thiết bị ký số có nhiều khóa kèm chứng thư số; dtdesk chưa chọn được khóa nào để ký.",
                        count=len(pairs))
    return {"key_id": pairs[0], "cert_id": pairs[0]}


@contextmanager
def token_signer(library: str, pin: str, *, slot: int | None = None, label: str | None = None) -> Iterator:
    """A signer on the token, logged in with ``pin`` for as long as the block runs."""
    import pkcs11
    from pyhanko.sign.pkcs11 import PKCS11Signer

    token = _token(library, slot, label)
    try:
        session = token.open(user_pin=pin)
    except (pkcs11.exceptions.PinIncorrect, pkcs11.exceptions.PinInvalid, pkcs11.exceptions.PinLenRange):
        raise SignError("pin", "Mã PIN của thiết bị «{label}» không đúng.", label=token.label) from None
    except pkcs11.exceptions.PinLocked:
        raise SignError("pin", "Thiết bị «{label}» đã bị khóa vì nhập sai mã PIN nhiều lần.",
                        label=token.label) from None
    except pkcs11.exceptions.PKCS11Error as exc:
        raise SignError("token", "Không mở được thiết bị ký số «{label}» ({reason}).",
                        label=token.label, reason=type(exc).__name__) from None
    try:
        yield PKCS11Signer(session, **_signing_pair(session))
    finally:
        session.close()
