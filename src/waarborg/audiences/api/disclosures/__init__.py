"""audiences.api.disclosures"""
