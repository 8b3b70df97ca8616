#!/usr/bin/env python
"""Build benchmark: throughput, peak memory, incremental rebuild and snapshot loading at scale.

For each N in --sizes it writes a corpus of N releases into a temporary folder by resampling real
texts (the seed releases in seeds/releases and ../shared/corpus/dev), each with a unique closing
line so that every text (and id) differs, then measures, in this one run on those same texts:

- the end-to-end build (`mfa-releases build`, a fresh process: start-up, ingest, extraction,
  validation, Parquet) for each worker count in --workers: docs/s and peak RSS of the build's
  process tree (sampled every 50 ms: the sum over the process and all its descendants, and the
  largest single process);
- natasha's own full pipeline on the same texts (segment, morphology, syntax, NER, lemmas and
  span normalization), in docs/s, in a fresh process with one BLAS thread: the baseline, with
  the ratio build/baseline;
- at --incremental-size: the rebuild after adding one release (same cache and output) against
  the full build with the same worker count;
- at --load-size: `mfa-releases publish` of the built tables to a local hub, then
  `datasets.load_dataset(...)` of that snapshot in a fresh process with an empty datasets cache.

Nothing is written into the repository: corpora, outputs and caches live in a temp folder that is
deleted at the end (keep it with --keep). This prints figures; it asserts nothing.

    python benchmarks/bench_build.py                         # N = 1,000 / 5,000 / 20,000 (long)
    python benchmarks/bench_build.py --sizes 200,1000 --incremental-size 1000 --load-size 1000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
SOURCE = "kz-mfa"  # a source listed in seeds/sources.yaml; the corpus folder is named after it
BLAS_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


# ------------------------------------------------------------------------------------- the machine
def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


# ------------------------------------------------------------------------------------- the corpus
def source_texts(corpus: Path) -> list[str]:
    """Raw release files to resample: the repository's seed releases, then the dev texts."""
    paths = sorted((REPO / "seeds" / "releases").rglob("*.txt")) + sorted((corpus / "dev").glob("*.txt"))
    if len(paths) < 2:
        sys.exit(f"error: no release texts found under {REPO / 'seeds/releases'} and {corpus / 'dev'}"
                 " — pass --corpus PATH/TO/shared/corpus")
    return [p.read_text(encoding="utf-8") for p in paths]


def unique_release(text: str, number: int) -> str:
    """The text with a closing line carrying `number`, so that resampled copies differ."""
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in text[:2000])
    line = (f"Порядковый номер публикации в архиве: {number}." if cyrillic > 50
            else f"Archive publication number: {number}.")
    return text.rstrip() + "\n\n" + line + "\n"


def write_corpus(texts: list[str], n: int, root: Path, seed: int, start: int = 0) -> Path:
    """N resampled releases under root/<source>/ (file names in input order)."""
    rng = random.Random(seed)
    folder = root / SOURCE
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"bench-{i:06d}.txt").write_text(unique_release(rng.choice(texts), i), encoding="utf-8")
    return root


# ---------------------------------------------------------------------------------------- measuring
def run_measured(cmd: list[str], env: dict | None = None, log: Path | None = None) -> dict:
    """Run a command: wall time, and the peaks (sampled every 50 ms) of the summed RSS of its process
    tree and of its largest process."""
    log_handle = open(log, "wb") if log else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=log_handle, stderr=subprocess.STDOUT, env=env, cwd=REPO)
    peak, largest = [0], [0]
    done = threading.Event()

    def sample() -> None:
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not done.is_set():
            sizes = []
            try:
                for p in [root, *root.children(recursive=True)]:
                    try:
                        sizes.append(p.memory_info().rss)
                    except psutil.NoSuchProcess:
                        pass
            except psutil.NoSuchProcess:
                break
            peak[0] = max(peak[0], sum(sizes))
            largest[0] = max(largest[0], max(sizes, default=0))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, _ = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if log:
        log_handle.close()
    if proc.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:] if log else ""
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {proc.returncode}\n{tail}")
    return {"seconds": seconds, "peak_rss_mb": peak[0] / 2**20, "max_single_rss_mb": largest[0] / 2**20}


def env_with(blas_threads: int | None) -> dict:
    env = dict(os.environ)
    if blas_threads:
        env.update({name: str(blas_threads) for name in BLAS_VARIABLES})
    return env


def mfa_releases_command() -> list[str]:
    script = Path(sys.executable).with_name("mfa-releases")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mfa_releases.cli"]


def build(corpus: Path, output: Path, cache: Path, workers: int, env: dict, log: Path) -> dict:
    cmd = mfa_releases_command() + ["build", "--input", str(corpus), "--output", str(output),
                                    "--cache", str(cache), "--workers", str(workers)]
    return run_measured(cmd, env=env, log=log)


# ------------------------------------------------------------------------ natasha's own pipeline
def natasha_baseline(corpus: Path, limit: int, result_path: Path) -> None:
    """(Runs in a child process.) natasha's full pipeline over the corpus's normalized texts."""
    from natasha import (Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger,
                         NewsSyntaxParser, Segmenter)

    from mfa_releases.releases import parse_release
    from mfa_releases.text import normalize

    paths = sorted(corpus.rglob("*.txt"))[: limit or None]
    texts = [normalize(parse_release(p.name, p.read_bytes()).body) for p in paths]
    start = time.perf_counter()
    segmenter, morph_vocab, emb = Segmenter(), MorphVocab(), NewsEmbedding()
    morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    loaded = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        for token in doc.tokens:
            token.lemmatize(morph_vocab)
        for span in doc.spans:
            span.normalize(morph_vocab)
    end = time.perf_counter()
    result_path.write_text(json.dumps({"docs": len(texts), "load_seconds": loaded - start,
                                       "seconds": end - loaded}))


def run_baseline(corpus: Path, limit: int, work: Path, env: dict) -> dict:
    result_path = work / "baseline.json"
    measured = run_measured([sys.executable, __file__, "--natasha-baseline", str(corpus),
                             "--baseline-docs", str(limit), "--result", str(result_path)],
                            env=env, log=work / "baseline.log")
    result = json.loads(result_path.read_text())
    result["docs_per_s"] = result["docs"] / result["seconds"]
    result["peak_rss_mb"] = measured["peak_rss_mb"]
    return result


# ----------------------------------------------------------------------------- publish, then load
LOAD_SNIPPET = """
import json, sys, time
start = time.perf_counter()
import datasets
imported = time.perf_counter()
rows = {}
for config in sys.argv[2].split(","):
    ds = datasets.load_dataset(sys.argv[1], config, split="train")
    rows[config] = ds.num_rows
end = time.perf_counter()
print(json.dumps({"import_seconds": imported - start, "load_seconds": end - imported, "rows": rows}))
"""


def publish_and_load(tables: Path, work: Path, env: dict) -> dict:
    """validate → release → `mfa-releases publish` into a fresh local hub, then load the snapshot."""
    hub, tree, report = work / "hub", work / "release", work / "validation.json"
    steps = [
        [sys.executable, "scripts/validate.py", "--tables", str(tables), "--report", str(report)],
        [sys.executable, "scripts/release.py", "--tables", str(tables), "--validation", str(report),
         "--output", str(tree), "--hub", str(hub)],
        mfa_releases_command() + ["publish", "--to", str(hub), "--release", str(tree)],
    ]
    publish_seconds = sum(run_measured(cmd, env=env, log=work / f"publish-{i}.log")["seconds"]
                          for i, cmd in enumerate(steps))
    snapshots = sorted(p.parent for p in hub.rglob("MANIFEST.json"))
    if not snapshots:
        raise RuntimeError(f"publish wrote no snapshot under {hub}; see {work}/publish-*.log")
    snapshot = snapshots[0]
    load_env = dict(env, HF_DATASETS_CACHE=str(work / "hf-cache"), HF_HOME=str(work / "hf-home"),
                    HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1")
    out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET, str(snapshot),
                          "documents,meetings,participants,commitments"],
                         env=load_env, capture_output=True, text=True, check=False, cwd=work)
    if out.returncode != 0:
        raise RuntimeError(f"load_dataset failed:\n{out.stderr[-3000:]}")
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    loaded["publish_seconds"] = publish_seconds
    loaded["snapshot"] = str(snapshot)
    return loaded


# --------------------------------------------------------------------------------------- the run
def parse_ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000,20000", help="corpus sizes N (comma-separated)")
    parser.add_argument("--workers", default="1,2", help="worker counts to build with at each N")
    parser.add_argument("--one-size-workers-above", type=int, default=None, metavar="N",
                        help="for corpora larger than N, build only with the largest worker count")
    parser.add_argument("--baseline-docs", type=int, default=0,
                        help="run natasha's baseline on at most this many of each corpus's texts (0: all)")
    parser.add_argument("--incremental-size", type=int, default=5000, help="N for the add-one-release rebuild (0: skip)")
    parser.add_argument("--load-size", type=int, default=20000, help="N whose snapshot is published and loaded (0: skip)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the shared corpus folder (has dev/)")
    parser.add_argument("--seed", type=int, default=20260205, help="resampling seed")
    parser.add_argument("--blas-threads", type=int, default=1,
                        help="BLAS threads for the baseline and the build's main process (workers always use 1)")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here as JSON")
    parser.add_argument("--natasha-baseline", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.natasha_baseline:
        natasha_baseline(args.natasha_baseline, args.baseline_docs, args.result)
        return 0

    sizes, worker_counts = parse_ints(args.sizes), parse_ints(args.workers)
    texts = source_texts(args.corpus)
    env = env_with(args.blas_threads)
    work_root = args.keep or Path(tempfile.mkdtemp(prefix="mfa-bench-"))
    work_root.mkdir(parents=True, exist_ok=True)
    figures = {"machine": machine(), "sizes": {}, "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
               "loadavg_start": os.getloadavg()}
    print(f"machine: {figures['machine']}")
    print(f"resampling {len(texts)} real texts; work folder {work_root}", flush=True)
    try:
        for n in sizes:
            work = work_root / f"n{n}"
            corpus = write_corpus(texts, n, work / "corpus", seed=args.seed + n)
            row: dict = {"builds": {}}
            baseline = run_baseline(corpus, args.baseline_docs, work, env)
            row["baseline"] = baseline
            print(f"N={n:>6}  natasha baseline: {baseline['docs_per_s']:7.1f} docs/s "
                  f"({baseline['docs']} docs in {baseline['seconds']:.1f} s + {baseline['load_seconds']:.1f} s load)",
                  flush=True)
            counts = worker_counts
            if args.one_size_workers_above is not None and n > args.one_size_workers_above:
                counts = [max(worker_counts)]
            for workers in counts:
                output, cache = work / f"tables-w{workers}", work / f"cache-w{workers}"
                result = build(corpus, output, cache, workers, env, work / f"build-w{workers}.log")
                row.setdefault("composition", (work / f"build-w{workers}.log").read_text().splitlines()[0])
                result["docs_per_s"] = n / result["seconds"]
                result["ratio_to_baseline"] = result["docs_per_s"] / baseline["docs_per_s"]
                row["builds"][workers] = result
                print(f"N={n:>6}  build workers={workers}: {result['docs_per_s']:7.1f} docs/s "
                      f"({result['seconds']:.1f} s), {result['ratio_to_baseline']:.2f}x baseline, "
                      f"peak RSS {result['peak_rss_mb']:.0f} MB (largest process {result['max_single_rss_mb']:.0f} MB)",
                      flush=True)
            print(f"N={n:>6}  corpus: {row['composition']}", flush=True)
            workers = max(counts)
            if n == args.incremental_size:
                write_corpus(texts, 1, corpus, seed=args.seed - 1, start=n)
                full = row["builds"][workers]
                inc = build(corpus, work / f"tables-w{workers}", work / f"cache-w{workers}", workers, env,
                            work / "build-incremental.log")
                inc["share_of_full"] = inc["seconds"] / full["seconds"]
                row["incremental"] = dict(inc, workers=workers)
                print(f"N={n:>6}  add one release, rebuild (workers={workers}): {inc['seconds']:.1f} s = "
                      f"{100 * inc['share_of_full']:.1f}% of the full build ({full['seconds']:.1f} s), "
                      f"peak RSS {inc['peak_rss_mb']:.0f} MB", flush=True)
            if n == args.load_size:
                loaded = publish_and_load(work / f"tables-w{workers}", work, env)
                row["load_dataset"] = loaded
                print(f"N={n:>6}  validate+release+publish {loaded['publish_seconds']:.1f} s; datasets.load_dataset of the "
                      f"snapshot: {loaded['load_seconds']:.1f} s for 4 tables {loaded['rows']} "
                      f"(+ {loaded['import_seconds']:.1f} s to import datasets)", flush=True)
            figures["sizes"][n] = row
    finally:
        figures["loadavg_end"] = os.getloadavg()
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n")
        if args.keep is None:
            shutil.rmtree(work_root, ignore_errors=True)
    print(f"load average: {figures['loadavg_start']} at start, {figures['loadavg_end']} at end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
