#!/usr/bin/env python3
"""Decodes TensorBoard event files with the reference protobuf runtime and prints them as JSON.

Usage: decode_events.py EVENT_FILE...   (needs protoc and python3-protobuf: Debian's protobuf-compiler and
python3-protobuf). The message definitions are tools/tensorboard/tensorboard_subset.proto, TensorFlow's
field numbers. Every record's framing is checked: lengths, and both masked CRC-32C values.
"""
import json
import os
import struct
import subprocess
import sys
import tempfile


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 & -(crc & 1))
    return crc ^ 0xFFFFFFFF


def masked(data):
    c = crc32c(data)
    return (((c >> 15) | (c << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def load_module():
    here = os.path.dirname(os.path.abspath(__file__))
    out = tempfile.mkdtemp(prefix="tbproto")
    subprocess.run(["protoc", "--proto_path=" + here, "--python_out=" + out, "tensorboard_subset.proto"],
                   check=True)
    sys.path.insert(0, out)
    import tensorboard_subset_pb2
    return tensorboard_subset_pb2


def records(path):
    with open(path, "rb") as f:
        data = f.read()
    pos = 0
    while pos < len(data):
        header = data[pos:pos + 8]
        (length,) = struct.unpack("<Q", header)
        (len_crc,) = struct.unpack("<I", data[pos + 8:pos + 12])
        if len_crc != masked(header):
            raise ValueError("%s: bad length CRC at offset %d" % (path, pos))
        body = data[pos + 12:pos + 12 + length]
        (body_crc,) = struct.unpack("<I", data[pos + 12 + length:pos + 16 + length])
        if body_crc != masked(body):
            raise ValueError("%s: bad data CRC at offset %d" % (path, pos))
        yield body
        pos += 16 + length


def main():
    pb = load_module()
    result = []
    for path in sys.argv[1:]:
        events = []
        for body in records(path):
            e = pb.Event()
            e.ParseFromString(body)
            item = {"wall_time": e.wall_time, "step": e.step}
            kind = e.WhichOneof("what")
            if kind == "file_version":
                item["file_version"] = e.file_version
            elif kind == "graph_def":
                g = pb.GraphDef()
                g.ParseFromString(e.graph_def)
                item["graph"] = [{"name": n.name, "op": n.op, "input": list(n.input),
                                  "attr": {k: v.s.decode() for k, v in n.attr.items()}} for n in g.node]
            elif kind == "summary":
                values = []
                for v in e.summary.value:
                    entry = {"tag": v.tag}
                    which = v.WhichOneof("value")
                    if which == "tensor":
                        entry["plugin"] = v.metadata.plugin_data.plugin_name
                        entry["dtype"] = v.tensor.dtype
                        entry["rank"] = len(v.tensor.tensor_shape.dim)
                        entry["value"] = list(v.tensor.float_val)[0]
                    elif which == "simple_value":
                        entry["value"] = v.simple_value
                    elif which == "histo":
                        h = v.histo
                        entry["histo"] = {"min": h.min, "max": h.max, "num": h.num, "sum": h.sum,
                                          "sum_squares": h.sum_squares, "bucket_limit": list(h.bucket_limit),
                                          "bucket": list(h.bucket)}
                    values.append(entry)
                item["values"] = values
            events.append(item)
        result.append({"file": path, "events": events})
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
