"""Site search: jieba segmentation, a lean Xapian backend for haystack, query parsing, snippets."""
