"""Offline geocoding: place mentions resolved to GeoNames places (coordinates, id) by article context.

>>> from storyline.extract.geo import geocoder
>>> geocoder().lookup("Panjshir")[0].feature
'admin1'
"""

from storyline.extract.geo.gazetteer import Gazetteer, Place, country_of, distance_km, load_gazetteer
from storyline.extract.geo.resolve import Geocoder, PlaceMention, geocoder

__all__ = [
    "Gazetteer",
    "Geocoder",
    "Place",
    "PlaceMention",
    "country_of",
    "distance_km",
    "geocoder",
    "load_gazetteer",
]
