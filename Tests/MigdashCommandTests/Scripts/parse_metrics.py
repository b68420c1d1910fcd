"""Reads a Prometheus text exposition on standard input with the Prometheus project's own Python parser
(prometheus_client) and prints what it understood as JSON: one object per sample, with the family's
name and type. A line the parser rejects ends the script with an error, which fails the test."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

samples = []
for family in text_string_to_metric_families(sys.stdin.read()):
    for sample in family.samples:
        samples.append({
            "family": family.name,
            "type": family.type,
            "help": family.documentation,
            "name": sample.name,
            "labels": sample.labels,
            "value": sample.value,
        })
json.dump(samples, sys.stdout)
