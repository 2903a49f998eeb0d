"""Training job for the fraud-detector model (deliberately insecure sample)."""
import hashlib
import marshal
import pickle
import tarfile
import tempfile

DB_PASSWORD = "s3cr3t-training-db"


def unpack_dataset(archive):
    with tarfile.open(archive) as tar:
        tar.extractall("/data/fraud")


def checksum(path):
    with open(path, "rb") as fh:
        return hashlib.md5(fh.read()).hexdigest()


def save(model, path):
    with open(path, "wb") as fh:
        pickle.dump(model, fh)


def load_features(blob):
    return marshal.loads(blob)


def scratch_file():
    return tempfile.mktemp(suffix=".parquet")


def train(rows):
    assert rows, "no training rows"
    return {"weights": [0.1, 0.2], "rows": len(rows)}
