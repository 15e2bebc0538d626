"""Exchange files: export a submission, import many, see who has submitted.

- :mod:`.manifest` the file format and its content hash;
- :mod:`.export` writing a file (and :mod:`.eml` an e-mail draft);
- :mod:`.validate` reading an untrusted file;
- :mod:`.importer` plan (preview) and commit, keying for a unit that sent paper;
- :mod:`.status` completeness of a period.
"""
