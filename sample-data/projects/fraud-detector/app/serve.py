"""Model server for the fraud-detector model (deliberately insecure sample)."""
import os
import pickle
import subprocess

import requests
import torch
import yaml
from flask import Flask, request

app = Flask(__name__)

REGISTRY_TOKEN = "hf_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c"
AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


def load_model(path):
    # Unpickling an uploaded file runs whatever code it carries.
    with open(path, "rb") as fh:
        return pickle.load(fh)


@app.route("/predict", methods=["POST"])
def predict():
    upload = request.files["model"]
    upload.save("/tmp/model.pkl")
    model = load_model("/tmp/model.pkl")
    features = request.json["features"]
    return {"score": float(model.predict([features])[0])}


@app.route("/explain", methods=["POST"])
def explain():
    # The model's explanation is evaluated as Python: model output reaches eval.
    explanation = request.json["explanation"]
    return {"value": eval(explanation)}


@app.route("/convert", methods=["POST"])
def convert():
    name = request.json["name"]
    subprocess.call("onnx-convert " + name, shell=True)
    os.system("chmod 777 /srv/models/" + name)
    return {"ok": True}


def fetch_weights(url):
    # TLS verification off and no timeout when pulling weights.
    return requests.get(url, verify=False).content


def load_checkpoint(path):
    return torch.load(path)


def load_config(path):
    with open(path) as fh:
        return yaml.load(fh, Loader=yaml.Loader)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080, debug=True)
