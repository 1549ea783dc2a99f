"""Invented reports for the REST API tests: a few events in several countries, told by several outlets."""

from __future__ import annotations

ARTICLES = [
    {"id": "api-1", "outlet": "North Wire", "publication_date": "2023-05-02",
     "title": "Shelling kills 12 in Aleppo market",
     "text": "ALEPPO, Syria, May 2 (North Wire) - Shelling killed at least 12 people in a market in Aleppo on "
             "Tuesday, the health ministry said.\n\nResidents said the shells fell shortly after noon."},
    {"id": "api-2", "outlet": "Desk Press", "publication_date": "2023-05-02",
     "title": "Market hit in Aleppo",
     "text": "Fourteen people were killed when shells hit a market in Aleppo, Syria on Tuesday, according to a local "
             "monitoring group.\n\nThe group said the shells were fired from the west."},
    {"id": "api-3", "outlet": "Daily Ledger", "publication_date": "2023-06-11",
     "title": "Car bomb in Mosul",
     "text": "MOSUL, Iraq, June 11 (Daily Ledger) - A car bomb exploded near a checkpoint in Mosul on Sunday, killing "
             "seven people, police officials said.\n\nNo group claimed the attack."},
    {"id": "api-4", "outlet": "Evening Courier", "publication_date": "2023-07-20",
     "title": "Air strike on Kandahar village",
     "text": "KANDAHAR, Afghanistan, July 20 (Evening Courier) - An air strike killed nine civilians in Kandahar on "
             "Thursday, the provincial governor said.\n\nThe governor said four of the dead were children."},
    {"id": "api-5", "outlet": "North Wire", "publication_date": "2023-08-03",
     "title": "Clashes near Donetsk",
     "text": "DONETSK, Ukraine, Aug 3 (North Wire) - Heavy shelling killed five soldiers in Donetsk on Thursday, "
             "the regional governor said.\n\nThe army said the positions had been held."},
    {"id": "api-6", "outlet": "Desk Press", "publication_date": "2023-09-14",
     "title": "Drone strike in Khartoum",
     "text": "KHARTOUM, Sudan, Sept 14 (Desk Press) - A drone strike killed eleven people in Khartoum on Thursday, "
             "doctors at a nearby hospital said.\n\nThe hospital appealed for blood donors."},
]
