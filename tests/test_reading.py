import codecs
import json
import os
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from legacy_bytes import cp1258, tcvn3, vni
from pipeline import legacy_encodings
from pipeline.documents import Document, DocumentError
from pipeline.reading import iter_documents, read_document, read_manifest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DEV = ROOT.parent / "shared" / "dev"

# TCVN3 has no toned capitals (they came from a separate caps font), so the sample
# keeps its capitals to those it can write: Đ, Q, T, N, ...
SAMPLE = (
    "Năm 2021, tổng thu ngân sách nhà nước trên địa bàn tỉnh Quảng Nam đạt 20.792 tỷ đồng, "
    "vượt 12% dự toán.\nĐảng bộ huyện Tuần Giáo hiện có 58 tổ chức cơ sở đảng với 4.883 "
    "đảng viên; đã giải quyết 149 đơn/158 đơn khiếu nại, tố cáo.\n"
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (cp1258(SAMPLE), "cp1258"),
        (tcvn3(SAMPLE), "tcvn3"),
        (vni(SAMPLE), "vni"),
        (unicodedata.normalize("NFD", SAMPLE).encode("utf-8"), "utf-8"),
        (SAMPLE.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        (SAMPLE.replace("\n", "\r").encode("utf-8"), "utf-8"),
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16",
        "utf-16-be",
        "utf-16-le",
        "cp1258",
        "tcvn3",
        "vni",
        "nfd",
        "crlf",
        "cr",
    ],
)
def test_encodings_round_trip_to_nfc_text(tmp_path, data, encoding):
    document = read_document(_write(tmp_path, "doc.txt", data))
    assert document.text == SAMPLE
    assert document.encoding == encoding


def test_legacy_encodings_are_actually_legacy():
    """The round-trip samples really differ byte-wise from UTF-8 and from each other."""
    encoded = {cp1258(SAMPLE), tcvn3(SAMPLE), vni(SAMPLE), SAMPLE.encode("utf-8")}
    assert len(encoded) == 4
    assert unicodedata.normalize("NFC", cp1258(SAMPLE).decode("cp1258")) == SAMPLE


def _message(tmp_path: Path, name: str, data: bytes) -> str:
    path = _write(tmp_path, name, data)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert str(path) in str(caught.value)
    return caught.value.message


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \r\n\n\t ", "empty"),
        ("binary.txt", b"PK\x03\x04\x00\x00\x08\x00" + bytes(range(256)), "binary"),
        (
            "french.txt",
            "L'été dernier, nous sommes allés à la mer où nous avons mangé des "
            "crêpes françaises.".encode("latin-1"),
            "not UTF-8",
        ),
        ("short.txt", tcvn3("tết"), "not UTF-8"),
        ("bom.txt", codecs.BOM_UTF8 + b"ok \xff\xfe", "UTF-8 byte order mark"),
    ],
)
def test_refusals_name_the_file_and_the_reason(tmp_path, name, data, reason):
    assert reason in _message(tmp_path, name, data)


def test_refusal_lists_the_candidates_tried(tmp_path):
    message = _message(tmp_path, "junk.txt", bytes(range(1, 256)) * 4)
    assert all(name in message for name in legacy_encodings.CANDIDATES)


def test_missing_file(tmp_path):
    with pytest.raises(DocumentError, match="no such file") as caught:
        read_document(tmp_path / "absent.txt", display_path="docs/absent.txt")
    assert caught.value.path == "docs/absent.txt"


BODY = [
    "Thu ngân sách vượt dự toán",
    "Năm 2021, tổng thu ngân sách nhà nước trên địa bàn tỉnh đạt 20.792 tỷ đồng, vượt 12%.",
    "Trong đó, thu nội địa đạt 12.473,69 tỷ đồng, tăng 5,04% so với cùng kỳ năm trước.",
    "Tỉnh phấn đấu năm 2022 thu ngân sách đạt 22.000 tỷ đồng.",
]
ARTICLE = """<!DOCTYPE html><html><head><meta charset="{charset}">
<title>Thu ngân sách vượt dự toán - Báo Quảng Nam</title>
<meta property="og:title" content="Thu ngân sách vượt dự toán">
<meta property="article:published_time" content="2022-09-05T08:00:00+07:00"></head>
<body><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/kt">Kinh tế</a></li></ul></nav>
<article><h1>{0}</h1>
<p>{1}</p>
<p>{2}</p>
<p>{3}</p>
</article>
<div class="comments" id="comments"><h3>Bình luận</h3>
<p>Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này.</p></div>
<footer><p>Bản quyền thuộc Báo Quảng Nam. Địa chỉ: 5 Trần Hưng Đạo.</p></footer></body></html>"""


@pytest.mark.parametrize(
    ("charset", "data", "encoding"),
    [
        ("utf-8", ARTICLE.format(*BODY, charset="utf-8").encode("utf-8"), "html:utf-8"),
        ("windows-1258", cp1258(ARTICLE.format(*BODY, charset="windows-1258")), "html:cp1258"),
    ],
)
def test_html_keeps_the_article_body_only(tmp_path, charset, data, encoding):
    document = read_document(_write(tmp_path, "page.html", data))
    assert document.text.split("\n") == BODY
    assert document.title == "Thu ngân sách vượt dự toán"
    assert document.published == date(2022, 9, 5)
    assert document.encoding == encoding


def test_html_without_a_body_is_refused(tmp_path):
    page = b"<html><head><title>Trang</title><script>var a;</script></head><body><div></div></body>"
    assert "no article text" in _message(tmp_path, "empty.html", page)


def test_text_metadata_is_inferred_and_given_values_win(tmp_path):
    path = _write(
        tmp_path, "001.txt", ("Tiêu đề bài\n14:54, 01/03/2021 [GMT+7]\n" + SAMPLE).encode()
    )
    inferred = read_document(path)
    assert (inferred.title, inferred.published) == ("Tiêu đề bài", date(2021, 3, 1))
    given = read_document(
        path,
        title="Tiêu đề khác",
        published=date(2021, 3, 2),
        province="Quảng Nam",
        url="https://example.vn/a",
    )
    assert (given.title, given.published, given.province, given.url) == (
        "Tiêu đề khác",
        date(2021, 3, 2),
        "Quảng Nam",
        "https://example.vn/a",
    )


def _manifest(tmp_path: Path, lines: list[str]) -> Path:
    docs = tmp_path / "corpus" / "docs"
    docs.mkdir(parents=True)
    (docs / "001.txt").write_text(
        "Tiêu đề bài\n14:54, 01/03/2021 [GMT+7]\n" + SAMPLE, encoding="utf-8"
    )
    (docs / "002.txt").write_text("Bài hai\n" + SAMPLE, encoding="utf-8")
    manifest = tmp_path / "corpus" / "manifest.jsonl"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def test_manifest_paths_are_relative_and_bad_lines_do_not_stop_the_rest(tmp_path, monkeypatch):
    manifest = _manifest(
        tmp_path,
        [
            json.dumps(
                {
                    "path": "docs/001.txt",
                    "url": "https://baoquangnam.vn/a",
                    "title": "Tiêu đề thật",
                    "published": "2022-09-05",
                    "province": "Quảng Nam",
                },
                ensure_ascii=False,
            ),
            '{"path": "docs/002.txt", ',
            json.dumps({"path": "docs/002.txt", "published": None}),
            json.dumps({"path": "docs/003.txt"}),
            json.dumps({"path": "docs/002.txt", "published": "05/09/2022"}),
        ],
    )
    monkeypatch.chdir(tmp_path)
    results = list(iter_documents(manifest=Path("corpus/manifest.jsonl")))
    first, bad_json, second, missing, bad_date = results
    assert isinstance(first, Document) and first.path == "docs/001.txt"
    assert (first.title, first.published, first.province, first.url) == (
        "Tiêu đề thật",
        date(2022, 9, 5),
        "Quảng Nam",
        "https://baoquangnam.vn/a",
    )
    assert isinstance(bad_json, DocumentError) and bad_json.line == 2
    assert str(manifest.relative_to(tmp_path)) in str(bad_json)
    assert isinstance(second, Document) and (second.title, second.published) == ("Bài hai", None)
    assert isinstance(missing, DocumentError) and missing.path == "docs/003.txt"
    assert (
        isinstance(bad_date, DocumentError)
        and bad_date.line == 5
        and "ISO date" in bad_date.message
    )


@pytest.mark.parametrize("province, known", [("Quảng Nam", True), ("tỉnh Quang Nam", True), ("Xứ Đoài", False), ("Sài Gòn", True)])
def test_an_unknown_province_in_a_manifest_names_its_line(tmp_path, province, known):
    manifest = _manifest(tmp_path, ['{"path": "docs/002.txt"}', json.dumps({"path": "docs/001.txt", "province": province})])
    first, second = iter_documents(manifest=manifest)
    assert isinstance(first, Document)
    if known:
        assert isinstance(second, Document)
    else:
        assert isinstance(second, DocumentError) and second.line == 2 and province in second.message


def test_read_manifest_resolves_against_its_folder_and_raises_on_a_bad_line(tmp_path):
    manifest = _manifest(tmp_path, ['{"path": "docs/001.txt"}', "", '{"title": "no path"}'])
    with pytest.raises(DocumentError) as caught:
        read_manifest(manifest)
    assert (caught.value.path, caught.value.line) == (str(manifest), 3)
    manifest.write_text('{"path": "docs/001.txt", "title": null}\n', encoding="utf-8")
    (entry,) = read_manifest(manifest)
    assert (entry.path, entry.file, entry.line, entry.title) == (
        "docs/001.txt",
        manifest.parent / "docs" / "001.txt",
        1,
        None,
    )


def test_missing_manifest_is_an_error_not_a_crash(tmp_path):
    (error,) = iter_documents(manifest=tmp_path / "none.jsonl")
    assert isinstance(error, DocumentError) and "no such file" in error.message


def test_folders_are_read_recursively_in_order_skipping_hidden_and_other_files_and_repeats(
    tmp_path, monkeypatch
):
    for name in (
        "b.txt",
        "a/c.txt",
        "a/d.html",
        "a.txt",
        ".hidden/x.txt",
        "a/.y.txt",
        "notes.md",
        "z.HTM",
    ):
        path = tmp_path / "corpus" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            SAMPLE if name.endswith("txt") else f"<html><body><p>{SAMPLE}</p></body></html>",
            encoding="utf-8",
        )
    monkeypatch.chdir(tmp_path)
    results = list(iter_documents(["corpus/", "corpus/b.txt", "missing.txt"]))
    assert [r.path for r in results] == [
        "corpus/a/c.txt",
        "corpus/a/d.html",
        "corpus/a.txt",
        "corpus/b.txt",
        "corpus/z.HTM",
        "missing.txt",
    ]
    assert isinstance(results[-1], DocumentError)
    assert all(isinstance(r, Document) for r in results[:-1])


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seeds_read_cleanly(seed):
    document = read_document(seed, display_path=f"seeds/{seed.name}")
    assert document.encoding == "utf-8"
    assert document.text == seed.read_text(encoding="utf-8")
    assert document.path == f"seeds/{seed.name}"


def test_dev_manifest_reads_cleanly():
    if not DEV.is_dir():
        pytest.skip(f"development data not found at {DEV}")
    results = list(iter_documents(manifest=DEV / "manifest.jsonl"))
    assert len(results) == 29
    assert all(isinstance(r, Document) and r.title for r in results)


# --- identity and confinement -------------------------------------------------------------

@pytest.mark.parametrize("spelling", ["seeds", "./seeds", "seeds//", "seeds/../seeds", "{root}/seeds"])
def test_a_folder_is_one_set_of_documents_however_it_is_spelled(monkeypatch, spelling):
    monkeypatch.chdir(ROOT)
    paths = [d.path for d in iter_documents([spelling.format(root=ROOT)])]
    assert paths == [f"seeds/{seed.name}" for seed in SEEDS]


@pytest.mark.parametrize("spelling", ["seeds/{name}", "./seeds/{name}", "{root}/seeds//{name}"])
def test_a_file_given_alone_is_the_same_document_as_in_its_folder(monkeypatch, spelling):
    monkeypatch.chdir(ROOT)
    (document,) = iter_documents([spelling.format(root=ROOT, name=SEEDS[0].name)])
    assert document.path == f"seeds/{SEEDS[0].name}"


def _errors(results) -> dict[str, str]:
    return {r.path: r.message for r in results if isinstance(r, DocumentError)}


@pytest.mark.parametrize("path", ["../../../../etc/passwd", "/etc/hostname", "../outside.txt",
                                  "docs/../../outside.txt", "docs/link.txt"])
def test_a_manifest_path_outside_its_folder_is_refused(tmp_path, path):
    (tmp_path / "outside.txt").write_text(SAMPLE, encoding="utf-8")
    manifest = _manifest(tmp_path, [json.dumps({"path": path})])
    (manifest.parent / "docs" / "link.txt").symlink_to(tmp_path / "outside.txt")
    (error,) = iter_documents(manifest=manifest)
    assert isinstance(error, DocumentError) and error.line == 1
    assert "outside the manifest's folder" in error.message and "--allow-outside" in error.message


def test_allow_outside_reads_a_path_outside_the_manifest_folder(tmp_path):
    (tmp_path / "outside.txt").write_text(SAMPLE, encoding="utf-8")
    manifest = _manifest(tmp_path, [json.dumps({"path": "../outside.txt"})])
    (document,) = iter_documents(manifest=manifest, allow_outside=True)
    assert isinstance(document, Document) and document.path == str(tmp_path / "outside.txt")


def test_duplicate_manifest_lines_are_an_error_naming_both(tmp_path):
    manifest = _manifest(tmp_path, ['{"path": "docs/001.txt"}', '{"path": "docs/002.txt"}',
                                    '{"path": "./docs//001.txt"}'])
    first, second, duplicate = iter_documents(manifest=manifest)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert isinstance(duplicate, DocumentError) and duplicate.line == 3
    assert "line 1" in duplicate.message


def _tree(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("mật khẩu", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text(SAMPLE, encoding="utf-8")
    return corpus


@pytest.mark.parametrize(("make", "name", "reason"), [
    (lambda c, t: (c / "leak.txt").symlink_to(t / "secret.txt"), "leak.txt", "outside"),
    (lambda c, t: (c / "passwd.txt").symlink_to("/etc/passwd"), "passwd.txt", "outside"),
    (lambda c, t: (c / "gone.txt").symlink_to(c / "nothing.txt"), "gone.txt", "dangling"),
    (lambda c, t: ((c / "x.txt").symlink_to(c / "y.txt"), (c / "y.txt").symlink_to(c / "x.txt")),
     "x.txt", "loop"),
    (lambda c, t: (c / "out").symlink_to(t / "elsewhere"), "out", "outside"),
    (lambda c, t: (c / "sub" / "up").symlink_to(c), "sub/up", "loop"),
    (lambda c, t: os.mkfifo(c / "pipe.txt"), "pipe.txt", "FIFO"),
])
def test_walking_a_folder_never_leaves_it_and_reports_what_it_skips(tmp_path, make, name, reason):
    corpus = _tree(tmp_path)
    make(corpus, tmp_path)
    results = list(iter_documents([corpus]))
    assert reason in _errors(results)[f"corpus/{name}"]
    assert [r.path for r in results if isinstance(r, Document)] == ["corpus/a.txt"]
    assert all("mật khẩu" not in r.text for r in results if isinstance(r, Document))


def test_a_link_inside_the_tree_is_its_target_read_once(tmp_path):
    corpus = _tree(tmp_path)
    (corpus / "sub" / "alias.txt").symlink_to(corpus / "a.txt")
    (corpus / "mirror").symlink_to(corpus / "sub")
    assert [r.path for r in iter_documents([corpus, corpus / "a.txt"])] == ["corpus/a.txt"]


@pytest.mark.parametrize(("name", "data", "limit", "reason"), [
    ("big.txt", SAMPLE.encode() * 10, 100, "over the limit of 100"),
    ("notes.md", SAMPLE.encode(), 10_000, "unsupported file type '.md'"),
    ("passwd", b"root:x:0:0", 10_000, "unsupported file type '(no extension)'"),
])
def test_limits_and_file_types_are_refused_with_the_reason(tmp_path, name, data, limit, reason):
    (error,) = iter_documents([_write(tmp_path, name, data)], max_bytes=limit)
    assert isinstance(error, DocumentError) and reason in error.message


def test_a_device_is_refused_not_read(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with pytest.raises(DocumentError, match="character device"):
        read_document(tmp_path / "zero.txt")


def test_a_wrong_html_charset_is_not_trusted(tmp_path):
    page = tcvn3(ARTICLE.format(*BODY, charset="windows-1252"))
    document = read_document(_write(tmp_path, "page.html", page))
    assert document.text.split("\n") == BODY
    assert document.encoding == "html:tcvn3, declared cp1252"


def test_a_manifest_that_is_a_fifo_is_refused_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "manifest.jsonl")
    (error,) = iter_documents(manifest=tmp_path / "manifest.jsonl")
    assert isinstance(error, DocumentError) and error.stage == "manifest" and "FIFO" in error.message


def test_a_manifest_is_streamed_not_read_whole(tmp_path):
    """A crawl's manifest of millions of lines must not be held in memory: the first document
    arrives having read a buffer of the manifest, not all of it."""
    import tracemalloc

    manifest = _manifest(tmp_path, [json.dumps({"path": "docs/001.txt"})]
                         + [json.dumps({"path": f"docs/missing-{i:06}.txt", "title": "x" * 80})
                            for i in range(60_000)])
    assert manifest.stat().st_size > 7_000_000
    list(iter_documents(manifest=_manifest(tmp_path / "warm", ['{"path": "docs/001.txt"}'])))
    items = iter_documents(manifest=manifest)
    tracemalloc.start()
    try:
        first = next(items)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        items.close()
    assert first.path == "docs/001.txt"
    assert peak < 1_000_000


def test_bytes_that_are_not_utf8_stop_the_manifest_at_their_line(tmp_path):
    manifest = _manifest(tmp_path, ['{"path": "docs/001.txt"}', '{"path": "docs/002.txt"}'])
    with manifest.open("ab") as handle:
        handle.write(b'{"path": "docs/\xff.txt"}\n{"path": "docs/001.txt"}\n')
    *read, error = iter_documents(manifest=manifest)
    assert [doc.path for doc in read] == ["docs/001.txt", "docs/002.txt"]
    assert isinstance(error, DocumentError)
    assert (error.stage, error.line) == ("manifest", 3) and "not UTF-8" in error.message
