"""audiences.api.recordings"""
