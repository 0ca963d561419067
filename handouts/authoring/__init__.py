"""Tools for people who write topics: a starter topic, and the content rules it must meet."""
