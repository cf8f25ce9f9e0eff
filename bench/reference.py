#!/usr/bin/python3
"""The PyTorch peer of `mnist-lab bench`: the same workloads, timed the same way, same output lines.

Each workload trains the network of the lab with the same data size, batch size, batch count,
optimizer and thread count as the Java side (see BenchWorkload.java; the two lists change
together). The data is the same MNIST IDX files, preloaded as whole normalized tensors; a batch is
an index slice of a seeded permutation, gathered from those tensors, as in TrainingLoop. Every
step does the bookkeeping TrainingLoop does: it reads the batch loss and counts correct predictions
on the tensor side. Parameters keep PyTorch's default initialization (TorchDefaultInit on our side).

Output (stdout), one line each:
  BENCH impl=pytorch torch=... blas=... (the BLAS libraries loaded into this process)
  BENCH workload=W impl=pytorch engine=... threads=T batch=B batches=K images=N warmup=U repeats=R
  BENCH workload=W impl=pytorch epoch=E epoch_s=S images=N images_per_s=I loss=L   (per timed epoch)
  BENCH workload=W impl=pytorch peak_rss_kb=KB
Warm-up epochs are printed as comments ("# warmup BENCH ...").

Run it with Debian's /usr/bin/python3 (python3-torch); bench/run does.
"""

import argparse
import gzip
import math
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MNIST_MEAN = 0.1307
MNIST_STD = 0.3081
SEED = 42
LAB_VALIDATION_SIZE = 10_000


@dataclass(frozen=True)
class Workload:
    """One workload: network, optimizer, batch size and which training digits."""
    name: str
    network: str            # key of NETWORKS
    optimizer: str          # sgd | adam | adamw
    lr: float
    batch: int
    momentum: float = 0.0
    weight_decay: float = 0.0
    validation: int = 0     # digits held out of the 60,000 (10,000: train on 50,000)
    normalize: tuple = (MNIST_MEAN, MNIST_STD)
    default_batches: int = 0  # 0: the whole training set
    pairs: bool = False     # the digit adder: pairs of digits, labels their sum
    mlp: bool = False


# The mlp presets train on pixels in [0, 1] (mean 0, std 1); the CNN presets standardize.
WORKLOADS = {w.name: w for w in [
    Workload("mlp30-b10", "mlp30", "sgd", 0.01, 10, weight_decay=1e-4, validation=LAB_VALIDATION_SIZE,
             normalize=(0.0, 1.0), mlp=True),
    Workload("mlp30-b64", "mlp30", "sgd", 0.01, 64, weight_decay=1e-4, validation=LAB_VALIDATION_SIZE,
             normalize=(0.0, 1.0), mlp=True),
    Workload("mlp128-adam", "mlp128", "adam", 0.001, 64, validation=LAB_VALIDATION_SIZE,
             normalize=(0.0, 1.0), mlp=True),
    Workload("lenet", "lenet", "sgd", 0.01, 64, momentum=0.5),
    Workload("wide", "wide", "sgd", 0.01, 64, default_batches=200),
    Workload("adder-transfer", "adder-transfer", "adamw", 0.003, 200, weight_decay=0.002,
             validation=LAB_VALIDATION_SIZE, pairs=True),
]}


def lenet():
    # Conv → pool → relu, the lab's order, as Cnn.java builds every stage.
    return nn.Sequential(
        nn.Conv2d(1, 10, 5), nn.MaxPool2d(2), nn.ReLU(),
        nn.Conv2d(10, 20, 5), nn.MaxPool2d(2), nn.ReLU(),
        nn.Flatten(), nn.Linear(320, 10))


class TransferAdder(nn.Module):
    """DigitAdder.transfer(): the classifier on both images, softmax, concatenated, two linear layers."""

    def __init__(self, classifier):
        super().__init__()
        self.classifier = classifier
        self.head = nn.Sequential(nn.Linear(20, 19), nn.Linear(19, 19))

    def forward(self, a, b):
        pa = F.softmax(self.classifier(a), dim=1)
        pb = F.softmax(self.classifier(b), dim=1)
        return self.head(torch.cat([pa, pb], dim=1))


NETWORKS = {
    "mlp30": lambda: nn.Sequential(nn.Flatten(), nn.Linear(784, 30), nn.Sigmoid(), nn.Linear(30, 10)),
    "mlp128": lambda: nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10)),
    "lenet": lenet,
    "wide": lambda: nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(),
        nn.Conv2d(32, 64, 3), nn.MaxPool2d(2), nn.ReLU(),
        nn.Flatten(), nn.Dropout(0.25),
        nn.Linear(9216, 128), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(128, 10)),
    "adder-transfer": lambda: TransferAdder(lenet()),
}


def optimizer(w, params):
    if w.optimizer == "sgd":
        return torch.optim.SGD(params, lr=w.lr, momentum=w.momentum, weight_decay=w.weight_decay)
    if w.optimizer == "adam":
        return torch.optim.Adam(params, lr=w.lr, weight_decay=w.weight_decay)
    return torch.optim.AdamW(params, lr=w.lr, weight_decay=w.weight_decay)


def mnist_dir():
    """Where MnistLoader looks: MNIST_DIR, else $XDG_CACHE_HOME/mnist-lab/mnist, else ~/.cache/mnist-lab/mnist."""
    if os.environ.get("MNIST_DIR", "").strip():
        return Path(os.environ["MNIST_DIR"])
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "mnist-lab" / "mnist"


def read_idx(directory, name, offset):
    path = directory / name
    if path.exists():
        return np.fromfile(path, dtype=np.uint8, offset=offset)
    gz = directory / (name + ".gz")
    if gz.exists():
        with gzip.open(gz, "rb") as f:
            return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)
    sys.exit(f"error: {path} is missing; fill the cache first (any `mnist-lab` command does), "
             f"or point MNIST_DIR at a directory holding the four IDX files")


def training_set(w, batches):
    """The normalized training images (N, 1, 28, 28) float32 and labels (N) int64, whole tensors."""
    directory = mnist_dir()
    images = read_idx(directory, "train-images-idx3-ubyte", 16).reshape(-1, 1, 28, 28)
    labels = read_idx(directory, "train-labels-idx1-ubyte", 8)
    if len(labels) != 60_000 or images.shape[0] != 60_000:
        sys.exit(f"error: {directory} does not hold the 60,000 MNIST training digits")
    # Like DataSplits: a seeded permutation, validation digits first, then (a limited number of) training digits.
    order = torch.randperm(60_000, generator=torch.Generator().manual_seed(SEED))
    count = 60_000 - w.validation
    if batches > 0:
        count = min(count, batches * w.batch)
    chosen = order[w.validation:w.validation + count].numpy()
    mean, std = w.normalize
    x = torch.from_numpy(images[chosen]).float().div_(255).sub_(mean).div_(std).contiguous()
    y = torch.from_numpy(labels[chosen].astype(np.int64))
    return x, y


def train_epoch(model, opt, samples, batch, gen):
    """One epoch as TrainingLoop.trainEpoch runs it: index slices of a seeded permutation of the set."""
    n = samples.count
    order = torch.randperm(n, generator=gen)
    loss_sum = 0.0
    correct = torch.zeros((), dtype=torch.int64)
    model.train()
    for start in range(0, n, batch):
        idx = order[start:start + batch]
        inputs, yb = samples.batch(idx)
        opt.zero_grad()
        logits = model(*inputs)
        loss = F.cross_entropy(logits, yb)
        loss.backward()
        value = loss.item()
        if not math.isfinite(value):
            sys.exit(f"error: the training loss became {value} at batch {start // batch + 1}")
        opt.step()
        loss_sum += value * idx.shape[0]
        correct += (logits.argmax(1) == yb).sum()
    return loss_sum / n, correct.item() / n


class Digits:
    """DeviceDigits: a batch is a gather of rows of the whole image and label tensors."""

    def __init__(self, x, y):
        self.x, self.y, self.count = x, y, y.shape[0]

    def batch(self, idx):
        return (self.x[idx],), self.y[idx]


class Pairs:
    """DevicePairs: pair indices and sums are whole tensors; a batch gathers pair rows, then both images."""

    def __init__(self, x, y, left, right):
        self.x, self.left, self.right = x, left, right
        self.sums = y[left] + y[right]
        self.count = self.sums.shape[0]

    def batch(self, idx):
        return (self.x[self.left[idx]], self.x[self.right[idx]]), self.sums[idx]


def blas_libraries():
    """The BLAS/LAPACK shared objects mapped into this process, resolved (Debian's alternatives show here)."""
    torch.mm(torch.ones(8, 8), torch.ones(8, 8))  # make sure the BLAS is loaded
    found = []
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                name = os.path.basename(path)
                if path.startswith("/") and ("blas" in name or "lapack" in name) and path not in found:
                    found.append(path)
    except OSError:
        pass
    return ",".join(found) or "unknown"


def peak_rss_kb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return line.split()[1]
    except OSError:
        pass
    return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workload", required=True, help=", ".join(WORKLOADS))
    parser.add_argument("--repeats", type=int, default=3, help="timed epochs (default 3)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed epochs first (default 1)")
    parser.add_argument("--batches", type=int, help="batches per epoch (default: the whole set; wide: 200)")
    parser.add_argument("--threads", type=int, help="intra-op threads (default: 1 for MLPs, 2 for CNNs)")
    parser.add_argument("--profile", metavar="FILE",
                        help="record the timed epochs with PyTorch's profiler: a Chrome trace to FILE, and the "
                             "operators with the most self time as comment lines")
    args = parser.parse_args()
    w = WORKLOADS.get(args.workload)
    if w is None:
        hint = " (scratch-b10 is compared with mlp30-b10 on DJL, not with PyTorch)" if args.workload == "scratch-b10" else ""
        sys.exit(f"error: workload '{args.workload}' is not known; use one of {', '.join(WORKLOADS)}{hint}")
    if args.repeats < 1 or args.warmup < 0 or (args.batches is not None and args.batches < 0):
        sys.exit("error: expected --repeats ≥ 1, --warmup ≥ 0 and --batches ≥ 0")
    threads = args.threads or (1 if w.mlp else min(2, os.cpu_count() or 1))
    # As EngineSettings does for DJL: before any parallel work, intra-op threads and one inter-op thread.
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(SEED)

    print(f"BENCH impl=pytorch torch={torch.__version__} blas={blas_libraries()} "
          f"mkldnn={torch.backends.mkldnn.is_available()}", flush=True)
    batches = w.default_batches if args.batches is None else args.batches
    x, y = training_set(w, batches)
    model = NETWORKS[w.network]()
    opt = optimizer(w, model.parameters())
    n = y.shape[0]
    prefix = f"BENCH workload={w.name} impl=pytorch"
    print(f"{prefix} engine=torch-{torch.__version__} threads={torch.get_num_threads()} batch={w.batch} "
          f"batches={(n + w.batch - 1) // w.batch} images={n} warmup={args.warmup} repeats={args.repeats}", flush=True)
    gen = torch.Generator().manual_seed(SEED)
    profiler = None
    for epoch in range(1, args.warmup + args.repeats + 1):
        if args.profile and epoch == args.warmup + 1:
            # The Python-side overhead of recording makes profiled epochs slower; compare self times, not epoch_s.
            profiler = torch.autograd.profiler.profile()
            profiler.__enter__()
        if w.pairs:
            # Like DigitPairs.draw: every digit once on the left and once on the right; not timed.
            samples = Pairs(x, y, torch.randperm(n, generator=gen), torch.randperm(n, generator=gen))
        else:
            samples = Digits(x, y)
        start = time.perf_counter()
        loss, _ = train_epoch(model, opt, samples, w.batch, gen)
        seconds = time.perf_counter() - start
        print(f"{'# warmup ' if epoch <= args.warmup else ''}{prefix} epoch={epoch} epoch_s={seconds:.3f} images={n} "
              f"images_per_s={n / seconds:.1f} loss={loss:.4f}", flush=True)
    if profiler is not None:
        profiler.__exit__(None, None, None)
        profiler.export_chrome_trace(args.profile)
        table = profiler.key_averages().table(sort_by="self_cpu_time_total", row_limit=25)
        print(f"# profile: {args.profile} (Chrome trace of the {args.repeats} timed epoch(s))")
        print("\n".join("# " + line for line in table.splitlines()), flush=True)
    print(f"{prefix} peak_rss_kb={peak_rss_kb()}", flush=True)


if __name__ == "__main__":
    main()
