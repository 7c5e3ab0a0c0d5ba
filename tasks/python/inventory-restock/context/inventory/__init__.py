"""A small warehouse: stock levels, suppliers' pack sizes and restocking."""
