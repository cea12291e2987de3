"""What happens to a consultation and its responses, whoever asks for it: one module
per concern, each taking a user and values, never a request."""
