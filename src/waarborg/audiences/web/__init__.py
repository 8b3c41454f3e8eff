"""audiences.web"""
