## Documents of practices and organizations
documents-of-practice = Documents : { $name }
documents-of-organization = Documents : { $name }
documents-back-to = Retour à { $name }
documents-back-to-list = Retour aux documents
documents-none = Aucun document pour l'instant.
documents-table-caption = Documents, du plus ancien au plus récent
documents-col-name = Fichier
documents-col-size = Taille
documents-col-type = Type
documents-col-uploader = Déposé par
documents-col-date = Date
documents-col-version = Version
documents-col-download = Télécharger
documents-download-named = Télécharger { $name }
documents-download-latest = Télécharger la dernière version
documents-download-version = Télécharger la version { $n }
documents-deleted-account = Compte supprimé
documents-size-bytes = { $n ->
    [one] { $n } octet
   *[other] { $n } octets
}
documents-size-kb = { $n } Ko
documents-size-mb = { $n } Mo
documents-size-gb = { $n } Go
documents-type-pdf = PDF
documents-type-image = Image
documents-type-zip = Archive ZIP
documents-type-text-document = Document texte
documents-type-spreadsheet = Feuille de calcul
documents-type-presentation = Présentation
documents-type-plain-text = Texte brut
documents-type-other = Autre

## Uploading, versions, deleting
documents-upload-title = Déposer un document
documents-field-file = Fichier
documents-hint-file = PDF, images, documents bureautiques, CSV, texte ou ZIP ; 25 Mo au maximum.
documents-field-title = Titre
documents-hint-title = Facultatif : à défaut, le nom du fichier est utilisé.
documents-progress = Progression du dépôt
documents-upload-submit = Déposer
documents-versions-title = Versions
documents-new-version-title = Déposer une nouvelle version
documents-new-version-submit = Déposer la nouvelle version
documents-delete-title = Supprimer ce document
documents-delete-hint = Plus personne ne pourra le télécharger, versions antérieures comprises.
documents-delete-submit = Supprimer le document
documents-error-too-large = Ce fichier est trop volumineux.
documents-error-quota = Il ne reste plus d'espace de stockage pour ce fichier : supprimez d'abord des documents ou adressez-vous à un administrateur.
documents-error-type = Ce type de fichier n'est pas accepté, ou son nom ne correspond pas à son contenu.
notice-document-uploaded = Le document est déposé.
notice-document-version-added = La nouvelle version est déposée.
notice-document-deleted = Le document est supprimé.

## Messages of the server's checks (key: v- and the English message as a slug)
v-send-one-file-per-request = Choisissez un seul fichier.
