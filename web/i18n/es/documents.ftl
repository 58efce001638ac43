## Documents of practices and organizations
documents-of-practice = Documentos de { $name }
documents-of-organization = Documentos de { $name }
documents-back-to = Volver a { $name }
documents-back-to-list = Volver a los documentos
documents-none = Todavía no hay documentos.
documents-table-caption = Documentos, del más antiguo al más reciente
documents-col-name = Archivo
documents-col-size = Tamaño
documents-col-type = Tipo
documents-col-uploader = Subido por
documents-col-date = Fecha
documents-col-version = Versión
documents-col-download = Descargar
documents-download-named = Descargar { $name }
documents-download-latest = Descargar la última versión
documents-download-version = Descargar la versión { $n }
documents-deleted-account = Cuenta eliminada
documents-size-bytes = { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
}
documents-size-kb = { $n } KB
documents-size-mb = { $n } MB
documents-size-gb = { $n } GB
documents-type-pdf = PDF
documents-type-image = Imagen
documents-type-zip = Archivo ZIP
documents-type-text-document = Documento de texto
documents-type-spreadsheet = Hoja de cálculo
documents-type-presentation = Presentación
documents-type-plain-text = Texto sin formato
documents-type-other = Otro

## Uploading, versions, deleting
documents-upload-title = Subir un documento
documents-field-file = Archivo
documents-hint-file = PDF, imágenes, documentos de ofimática, CSV, texto o ZIP; 25 MB como máximo.
documents-field-title = Título
documents-hint-title = Opcional: si se deja vacío, se usa el nombre del archivo.
documents-progress = Progreso de la subida
documents-upload-submit = Subir
documents-versions-title = Versiones
documents-new-version-title = Subir una nueva versión
documents-new-version-submit = Subir nueva versión
documents-delete-title = Eliminar este documento
documents-delete-hint = Nadie podrá volver a descargarlo, tampoco sus versiones anteriores.
documents-delete-submit = Eliminar documento
documents-error-too-large = Este archivo es demasiado grande.
documents-error-quota = No queda espacio de almacenamiento para este archivo: elimine antes algunos documentos o consulte a un administrador.
documents-error-type = No se admite este tipo de archivo, o su nombre no coincide con su contenido.
notice-document-uploaded = Se ha subido el documento.
notice-document-version-added = Se ha subido la nueva versión.
notice-document-deleted = Se ha eliminado el documento.

## Messages of the server's checks (key: v- and the English message as a slug)
v-send-one-file-per-request = Seleccione un solo archivo.
