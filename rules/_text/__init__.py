"""Text helpers shared by the built-in rules (private: plugins should not import them).

Each name means one thing across all rules; rule modules import from here, never from each
other.
"""
