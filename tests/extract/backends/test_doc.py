from kg.extract.backends.doc import build_doc, doc_text, shared_vocab


def test_doc_text_is_the_docs_text_computed_once():
    doc = build_doc(
        shared_vocab(),
        [
            (
                "张伟到聊城调研。",
                [("张伟", "PER"), ("到", "v"), ("聊城", "LOC"), ("调研", "v"), ("。", "w")],
                [],
            )
        ],
    )
    assert doc_text(doc) == doc.text == "张伟到聊城调研。"
    assert doc_text(doc) is doc_text(doc)  # kept in user_data, not joined again
