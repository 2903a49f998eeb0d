"""A retrieval service in front of an embedding model: the tree the mapping fixtures scan."""
import os
import pickle
import random
import sqlite3
import subprocess
import tempfile
import hashlib

import jwt
import numpy as np
import requests
import yaml
from flask import Flask, redirect, render_template_string, request
from transformers import AutoModel, AutoTokenizer

app = Flask(__name__)
ENCODER = AutoModel.from_pretrained("acme/rag-encoder")
TOKENIZER = AutoTokenizer.from_pretrained("acme/rag-encoder")
HF_TOKEN = "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"
DB_PASSWORD = "s3cr3t-Passw0rd!"


@app.route("/search")
def search():
    query = request.args.get("q")
    db = sqlite3.connect("docs.db")
    rows = db.execute("SELECT body FROM docs WHERE body LIKE '%" + query + "%'").fetchall()
    return render_template_string("<p>" + query + "</p><p>" + str(len(rows)) + "</p>")


@app.route("/run")
def run():
    return subprocess.check_output(request.args.get("cmd"), shell=True)


@app.route("/calc")
def calc():
    return str(eval(request.args.get("expr")))


@app.route("/go")
def go():
    return redirect(request.args.get("next"))


@app.route("/fetch")
def fetch():
    return requests.get(request.args.get("url"), verify=False).text


@app.route("/embed", methods=["POST"])
def embed():
    vectors = np.load(request.files["f"], allow_pickle=True)
    features = pickle.loads(request.data)
    settings = yaml.load(open("settings.yaml"), Loader=yaml.Loader)
    return str((vectors.shape, features, settings))


@app.route("/doc/<name>")
def doc(name):
    with open(os.path.join("/data/docs", name)) as handle:
        return handle.read()


def claims(token):
    return jwt.decode(token, options={"verify_signature": False})


def cache_key(prompt):
    return hashlib.md5(prompt.encode()).hexdigest()


def scratch():
    return tempfile.mktemp()


def session_id():
    return str(random.random())


def prompt_for(question):
    return "Answer from the context. Question: " + request.args.get("q", question)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080, debug=True)
