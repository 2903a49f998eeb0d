"""Writes a folder of pickles for picklescan's other flags (generate.sh): clean, dangerous,
suspicious (a global from an unknown module), one cut off after a dangerous import, one that is no
pickle at all, and zip (PyTorch-style) archives with a dangerous member and a corrupted one."""
import os
import pickle
import sys
import zipfile

os.makedirs(os.path.join(sys.argv[1], "nested"), exist_ok=True)
os.chdir(sys.argv[1])


class System:
    def __reduce__(self):
        return (os.system, ("id",))


class Eval:
    def __reduce__(self):
        return (eval, ("1",))


pickle.dump({"w": [1.0]}, open("clean.pkl", "wb"))
pickle.dump(System(), open("evil.pkl", "wb"), protocol=4)
pickle.dump(Eval(), open("nested/eval.pickle", "wb"), protocol=2)
# GLOBAL myteam.util Loader, then an empty tuple and NEWOBJ.
open("suspicious.pkl", "wb").write(
    b"\x80\x04\x95\x20\x00\x00\x00\x00\x00\x00\x00\x8c\x0bmyteam.util\x94\x8c\x06Loader\x94\x93\x94)\x81\x94.")
open("partial.pkl", "wb").write(b"\x80\x02csubprocess\nPopen\nq\x00\xff\xfe")
open("notpickle.pkl", "wb").write(b"hello world, not a pickle")
with zipfile.ZipFile("model.pt", "w") as z:
    z.writestr("model/data.pkl", pickle.dumps(System(), protocol=2))
    z.writestr("model/version", "3\n")
with zipfile.ZipFile("broken.pt", "w", compression=zipfile.ZIP_STORED) as z:
    z.writestr("model/data.pkl", pickle.dumps({"a": [1, 2, 3, 4, 5, 6, 7, 8]}, protocol=2))
data = bytearray(open("broken.pt", "rb").read())
data[data.find(b"\x80\x02") + 10] ^= 0xFF
open("broken.pt", "wb").write(bytes(data))
if sys.argv[2:] == ["fixed"]:
    pickle.dump({"w": [2.0]}, open("evil.pkl", "wb"), protocol=4)
    open("partial.pkl", "wb").write(b"not a pickle any more")
