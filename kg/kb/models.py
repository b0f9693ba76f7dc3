"""The pkuseg segmentation model: fetched once at set-up, checked by hash before use.

No model hub is reachable at run time. The registry's ``pkuseg==0.0.25``
source package carries the pretrained default model
(``pkuseg/models/default``); set-up downloads that package, checks its
SHA-256, and unpacks the model folder to :func:`model_dir`. Every load
checks the unpacked files against their pinned hashes first.

Run ``python -m kg.kb.models`` to fetch (idempotent) and verify.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from kg.errors import KgError
from kg.kb.pinned import sha256_file as sha256
from kg.kb.pinned import share_dir, verify_files

PKUSEG_SDIST = "pkuseg-0.0.25.tar.gz"
PKUSEG_SDIST_SHA256 = "dd012bf93689721c9574bc2b2ba98fb4ac22790cec0af354a78e217828b81e91"
#: The default model's files and their SHA-256, as unpacked from the sdist.
PKUSEG_MODEL_FILES = {
    "features.pkl": "265dcf5534a11d6429776f7e7450a9eef8e075b1a4bedb82ef996994d9c721ac",
    "weights.npz": "95d1632a1fed45993b5006d8ba85939cb110fae71313987673582d24669811dd",
}
_MEMBER_PREFIX = "pkuseg-0.0.25/pkuseg/models/default/"


class ModelError(KgError):
    """The pkuseg model is missing or does not match its pinned hash."""


def model_dir() -> Path:
    """Where the model lives: ``$KG_PKUSEG_MODEL``, else ``<venv>/share/kg/pkuseg-default``."""
    return share_dir("KG_PKUSEG_MODEL", "pkuseg-default")


def verify(directory: Path | None = None) -> Path:
    """Check the model files against their pinned hashes; return the folder.

    Raises :class:`ModelError` naming the file and the fix.
    """
    return verify_files(directory or model_dir(), PKUSEG_MODEL_FILES, ModelError, "pkuseg model", "python -m kg.kb.models")


def fetch(directory: Path | None = None) -> Path:
    """Download the pinned pkuseg sdist with pip and unpack its default model."""
    directory = directory or model_dir()
    try:
        return verify(directory)
    except ModelError:
        pass
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
               "--no-build-isolation", "-d", tmp, "pkuseg==0.0.25"]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        sdist = Path(tmp) / PKUSEG_SDIST
        if sha256(sdist) != PKUSEG_SDIST_SHA256:
            raise ModelError(f"{PKUSEG_SDIST} does not match its pinned SHA-256; refusing to unpack it")
        directory.mkdir(parents=True, exist_ok=True)
        with tarfile.open(sdist) as tar:
            for name in PKUSEG_MODEL_FILES:
                member = tar.getmember(_MEMBER_PREFIX + name)
                src = tar.extractfile(member)
                assert src is not None
                part = directory / (name + ".part")
                with open(part, "wb") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                part.replace(directory / name)
    return verify(directory)


if __name__ == "__main__":  # pragma: no cover
    print(fetch())
