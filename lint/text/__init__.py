"""Language helpers for the document model: decoding, blocks, sentences, scripts, widths."""
