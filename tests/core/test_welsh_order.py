"""Names in Welsh are sorted in the order of the Welsh alphabet, where ch, dd, ff,
ng, ll, ph, rh and th are letters of their own; English sorting is as it was."""

from django.utils import translation

from core.translation import sort_key


def in_order(words, language):
    with translation.override(language):
        return sorted(words, key=sort_key)


def test_ll_is_a_letter_after_l_so_llanelli_comes_after_lyon():
    assert in_order(["Llanelli", "Lyon", "Lampeter"], "cy") == [
        "Lampeter",
        "Lyon",
        "Llanelli",
    ]


def test_ch_is_a_letter_after_c_so_chwarae_comes_after_cymru():
    assert in_order(["Chwarae", "Cymru", "Caerdydd"], "cy") == [
        "Caerdydd",
        "Cymru",
        "Chwarae",
    ]


def test_dd_comes_after_every_word_in_d():
    assert in_order(["Ddoe", "Dyfed", "D"], "cy") == ["D", "Dyfed", "Ddoe"]


def test_every_digraph_follows_its_first_letter_and_what_it_spells():
    pairs = [
        ("Fynnon", "Ffordd"),
        ("Gwynedd", "Ngwynedd"),
        ("Pys", "Phen"),
        ("Ryw", "Rhondda"),
        ("Tywyn", "Theatr"),
    ]
    for first, then in pairs:
        assert in_order([then, first], "cy") == [first, then]


def test_ng_comes_between_g_and_h_even_where_it_is_n_then_g():
    # Read as one letter always (core.translation says why): Bangor, where it is n
    # then g, comes before Banaw all the same.
    assert in_order(["Banaw", "Bangor", "Bag"], "cy") == ["Bag", "Bangor", "Banaw"]


def test_capitals_and_accents_do_not_move_a_name():
    assert in_order(["ŵyr", "Wy", "Llŷn", "llyn", "Lyn"], "cy") == [
        "Lyn",
        "llyn",
        "Llŷn",
        "Wy",
        "ŵyr",
    ]


def test_spaces_and_numbers_come_before_letters():
    assert in_order(["Ystadegau", "2021 Cyfrifiad", "Y Fali"], "cy") == [
        "2021 Cyfrifiad",
        "Y Fali",
        "Ystadegau",
    ]


def test_english_names_are_sorted_as_before():
    names = ["Llanelli", "Lyon", "chwarae", "Cymru", "Ddoe", "Dyfed"]

    assert in_order(names, "en-gb") == sorted(names, key=str.casefold)
    assert in_order(names, "en-gb") == [
        "chwarae",
        "Cymru",
        "Ddoe",
        "Dyfed",
        "Llanelli",
        "Lyon",
    ]
