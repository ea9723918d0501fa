"""What runs the stages, not a stage: the incremental store and the way a run uses it,
processes beside this one, the output lock, the cache folder and ``kg watch``.

Empty on purpose: a stage that needs one of these (``kg.runtime.cache``) imports that module
alone, not the pipeline behind the others.
"""
