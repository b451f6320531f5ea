"""Inputs: finding files, reading and decoding them into documents, and writing fixed ones back."""
