"""A statistical name proposer: a character CRF that tags person, organization and place names.

It proposes spans the rules then type and check (integration comes later).
:mod:`.labels` holds the label map from the training corpora, :mod:`.features` the
character features, :mod:`.tagger` the model loader and tagger, :mod:`.train` the
training command, :mod:`.corpora` the corpus reader and :mod:`.scoring` span P/R/F1.

Depends on :mod:`kg.kb`, :mod:`kg.text`, :mod:`kg.errors` and itself only.
"""
