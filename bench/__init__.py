"""Benchmarks: speed targets measured as ratios within one run (`make bench`)."""
