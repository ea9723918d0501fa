"""What runs the stages, not a stage: the incremental store and the way a run uses it,
processes beside this one and the output lock. (The cache folder any stage may use is
``kg.cache``; ``kg watch``, which runs the pipeline again, is ``kg.watch`` above it.)

Empty on purpose: importing one of these does not import the others.
"""
