"""Demo content (French) for the Plateforme EIG: plain data, no Django import.

Written from the programme's public facts (Promotions 1 and 2); prose is paraphrased.
Mentors' names are fictional.
"""
