"""Static files of the approval console page."""
