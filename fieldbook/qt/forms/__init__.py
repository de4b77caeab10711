"""Forms generated from ui/*.ui by build_spec/build_assets.py — do not edit."""
