"""The Textual app. Talks to the domain only through quizapp.core."""
