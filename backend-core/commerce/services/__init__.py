"""Writes of the commerce context, one module per area; the public functions are
re-exported here (``from commerce.services import stock_consume``)."""

from commerce.services.catalog import service_create, service_update
from commerce.services.stock import (
    product_create,
    product_update,
    registration_number_normalize,
    service_materials_set,
    stock_adjust,
    stock_consume,
    stock_receive,
    stock_return,
    stock_transfer,
)

__all__ = [
    "product_create",
    "product_update",
    "registration_number_normalize",
    "service_create",
    "service_materials_set",
    "service_update",
    "stock_adjust",
    "stock_consume",
    "stock_receive",
    "stock_return",
    "stock_transfer",
]
