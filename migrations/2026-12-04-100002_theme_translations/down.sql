DROP TABLE theme_translations;
