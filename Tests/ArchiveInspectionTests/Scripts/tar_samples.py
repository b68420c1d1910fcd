"""Independent tar writers and an independent tar reader for migdash's tar tests.

Python's tarfile is the second implementation the tests compare migdash's own tar reader with:
  tree DIR [--extras]        make a migration-shaped tree in DIR (--extras: names ustar cannot hold)
  write FORMAT DIR OUT       write DIR's contents to the tar OUT in FORMAT (ustar, gnu or pax)
  list ARCHIVE               print each member of ARCHIVE as JSON: name, type, size, linkname
  layout ARCHIVE             print where each member's own header block is and where the members
                             end (the end-of-archive block), as JSON
  sparse DIR                 make DIR with a 20 MiB file that is mostly holes, for GNU tar --sparse
  special OUT                write headers real writers rarely make: OUT.gnu and OUT.pax announce
                             9 GiB (base-256 and pax sizes) with no data; OUT.evil has names with
                             terminal escapes in them; OUT.bomb and OUT.paxbomb claim sparse files
                             of Int64.max bytes each (no data behind them)
"""
import io
import json
import os
import random
import sys
import tarfile

FORMATS = {"ustar": tarfile.USTAR_FORMAT, "gnu": tarfile.GNU_FORMAT, "pax": tarfile.PAX_FORMAT}


def write_file(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def tree(root, extras):
    rng = random.Random(8)
    write_file(f"{root}/schema.json", b'{"version": "1.0.1", "github_sha": "abc123"}\n')
    issues = [{"title": f"issue {n}", "body": "a [bracket] and a \"quote\" ]"} for n in range(3)]
    write_file(f"{root}/issues_000001.json", json.dumps(issues).encode())
    write_file(f"{root}/users_000001.json", b'[{"login": "octocat"}]')
    git = f"{root}/repositories/octo-org/hello-world.git"
    write_file(f"{git}/HEAD", b"ref: refs/heads/main\n")
    write_file(f"{git}/refs/heads/main", b"0123456789abcdef0123456789abcdef01234567\n")
    write_file(f"{git}/objects/pack/pack-1.pack", bytes(rng.getrandbits(8) for _ in range(70_000)))
    write_file(f"{git}/empty", b"")
    write_file(f"{git}/exactly-one-block", b"x" * 512)
    write_file(f"{git}/one-block-and-a-byte", b"y" * 513)
    # A path past 100 bytes that ustar still holds by splitting it into prefix and name.
    write_file(f"{git}/refs/heads/{'feature-' * 12}/{'branch-' * 9}", b"fedcba\n")
    write_file(f"{root}/attachments/0001/screenshot.png", bytes(rng.getrandbits(8) for _ in range(3_000)))
    write_file(f"{root}/attachments/0002/ünïcødé-文件.txt", "text\n".encode())
    os.makedirs(f"{root}/attachments/empty-directory", exist_ok=True)
    os.symlink("HEAD", f"{git}/HEAD-link")
    os.link(f"{root}/users_000001.json", f"{root}/z-hard-link-of-users.json")
    os.mkfifo(f"{git}/a-fifo")
    if extras:
        write_file(f"{git}/refs/tags/" + "/".join(["a-long-tag-directory"] * 14) + "/tag", b"1234\n")
        os.symlink("refs/heads/" + "target-" * 20, f"{git}/long-link")


def sparse(root):
    os.makedirs(f"{root}/repositories/octo-org/sparse.git", exist_ok=True)
    with open(f"{root}/repositories/octo-org/sparse.git/holes", "wb") as handle:
        for offset in (0, 3 << 20, 11 << 20):
            handle.seek(offset)
            handle.write(b"data at %d\n" % offset)
        handle.truncate(20 << 20)


def write(form, root, out):
    with tarfile.open(out, "w", format=FORMATS[form]) as archive:
        for name in sorted(os.listdir(root)):
            archive.add(os.path.join(root, name), arcname=name)


def listing(path):
    with tarfile.open(path, "r:") as archive:
        members = [
            {"name": m.name, "type": "0" if m.type == tarfile.AREGTYPE else m.type.decode("latin-1"), "size": m.size, "linkname": m.linkname}
            for m in archive.getmembers()
        ]
    print(json.dumps(members, ensure_ascii=False))


def layout(path):
    with tarfile.open(path, "r:") as archive:
        headers = [m.offset_data - tarfile.BLOCKSIZE for m in archive.getmembers()]
        print(json.dumps({"headers": headers, "end": archive.offset}))


def gnu_sparse_bomb():
    """Two old-GNU sparse headers (type S) of no stored data whose real size is Int64.max (base-256)."""
    blocks = b""
    for index in range(2):
        info = tarfile.TarInfo(f"repositories/octo-org/bomb.git/objects/pack/pack-{index}.pack")
        info.type = tarfile.GNUTYPE_SPARSE
        header = bytearray(info.tobuf(tarfile.GNU_FORMAT, "utf-8", "surrogateescape")[:512])
        header[483:495] = bytes([0x80, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        header[148:156] = b"        "
        header[148:155] = b"%06o\0" % sum(header)
        blocks += bytes(header)
    return blocks + bytes(1024)


def pax_sparse_bomb():
    """Ten empty regular files whose pax headers claim GNU.sparse.size of 999999999999999999 each."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for index in range(10):
            info = tarfile.TarInfo(f"repositories/octo-org/bomb.git/file-{index}")
            info.pax_headers = {"GNU.sparse.size": "999999999999999999"}
            archive.addfile(info, io.BytesIO(b""))
    return buffer.getvalue()


def special(out):
    with open(f"{out}.bomb", "wb") as handle:
        handle.write(gnu_sparse_bomb())
    with open(f"{out}.paxbomb", "wb") as handle:
        handle.write(pax_sparse_bomb())
    for form, suffix in ((tarfile.GNU_FORMAT, "gnu"), (tarfile.PAX_FORMAT, "pax")):
        info = tarfile.TarInfo(f"repositories/octo-org/big-{suffix}.git/objects/pack/pack-big.pack")
        info.size = 9 << 30
        # The header announces 9 GiB and the data never comes: a reader must stop at the end of the stream.
        with open(f"{out}.{suffix}", "wb") as handle:
            handle.write(info.tobuf(form, "utf-8", "surrogateescape"))
    with tarfile.open(f"{out}.evil", mode="w", format=tarfile.PAX_FORMAT) as archive:
        data = b"ref: refs/heads/main\n"
        for name in ("repositories/evil\x1b[31m/name\x07.git/HEAD", "plain\x1b]0;title\x07-in-ustar.txt"):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "tree":
        tree(sys.argv[2], "--extras" in sys.argv)
    elif command == "write":
        write(sys.argv[2], sys.argv[3], sys.argv[4])
    elif command == "list":
        listing(sys.argv[2])
    elif command == "layout":
        layout(sys.argv[2])
    elif command == "sparse":
        sparse(sys.argv[2])
    elif command == "special":
        special(sys.argv[2])
    else:
        sys.exit(f"unknown command {command}")
