"""audiences.portal.static"""
